package io.kindred.plugins.community;

import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.Settings;

import java.util.List;

/**
 * The operators' moderation and trust rules (plugin settings, edited in the console), read once per check so that
 * one request sees one set of rules. A member has <em>standing</em> (is trusted) when any one of the three trust
 * conditions holds; {@code 0} turns a condition off.
 *
 * @param newMemberPostsPerDay    posts a new member may write per day (site time zone)
 * @param newMemberCommentsPerDay comments a new member may write per day
 * @param newMemberLinksPerPost   links a new member's post or comment may hold
 * @param newMemberImagesPerPost  pictures a new member's post may carry
 * @param trustAfterDays          days since joining that give standing (0 = never by days)
 * @param trustAfterCheckins      check-ins that give standing (0 = never by check-ins)
 * @param trustFromTier           membership tier rank that gives standing (0 = never by tier)
 * @param postsPerTenMinutes      posts anyone but operators may write in 10 minutes
 * @param commentsPerMinute       comments anyone but operators may write in a minute
 * @param reportsPerDay           reports a member may file per day
 * @param autoHideReports         open reports by different members that hide a post or comment until an operator
 *                                decides (0 = never)
 * @param blockedWords            the word filter
 */
record ModerationRules(int newMemberPostsPerDay, int newMemberCommentsPerDay, int newMemberLinksPerPost,
                       int newMemberImagesPerPost, int trustAfterDays, int trustAfterCheckins, int trustFromTier,
                       int postsPerTenMinutes, int commentsPerMinute, int reportsPerDay, int autoHideReports,
                       WordFilter blockedWords) {

    static final SettingDefinition<Integer> NEW_MEMBER_POSTS_PER_DAY = SettingDefinition.integer(
            "newMemberPostsPerDay", 5, 0, 1000, "Posts a new member may write per day");
    static final SettingDefinition<Integer> NEW_MEMBER_COMMENTS_PER_DAY = SettingDefinition.integer(
            "newMemberCommentsPerDay", 20, 0, 10_000, "Comments a new member may write per day");
    static final SettingDefinition<Integer> NEW_MEMBER_LINKS_PER_POST = SettingDefinition.integer(
            "newMemberLinksPerPost", 2, 0, 100, "Links a new member's post or comment may hold");
    static final SettingDefinition<Integer> NEW_MEMBER_IMAGES_PER_POST = SettingDefinition.integer(
            "newMemberImagesPerPost", 4, 0, Posts.MAX_IMAGES, "Pictures a new member's post may carry");
    static final SettingDefinition<Integer> TRUST_AFTER_DAYS = SettingDefinition.integer(
            "trustAfterDays", 7, 0, 3650, "Days since joining after which a member is trusted (0 = off)");
    static final SettingDefinition<Integer> TRUST_AFTER_CHECKINS = SettingDefinition.integer(
            "trustAfterCheckins", 3, 0, 10_000, "Check-ins after which a member is trusted (0 = off)");
    static final SettingDefinition<Integer> TRUST_FROM_TIER = SettingDefinition.integer(
            "trustFromTier", 2, 0, 100, "Membership tier (V1 = 1) from which a member is trusted (0 = off)");
    static final SettingDefinition<Integer> POSTS_PER_TEN_MINUTES = SettingDefinition.integer(
            "postsPerTenMinutes", 5, 1, 1000, "Posts any member may write in 10 minutes");
    static final SettingDefinition<Integer> COMMENTS_PER_MINUTE = SettingDefinition.integer(
            "commentsPerMinute", 6, 1, 1000, "Comments any member may write in a minute");
    static final SettingDefinition<Integer> REPORTS_PER_DAY = SettingDefinition.integer(
            "reportsPerDay", 20, 1, 10_000, "Reports a member may file per day");
    static final SettingDefinition<Integer> AUTO_HIDE_REPORTS = SettingDefinition.integer(
            "autoHideReports", 5, 0, 1000, "Open reports by different members that hide a post or comment until"
                    + " an operator decides (0 = off)");
    static final SettingDefinition<WordFilter> BLOCKED_WORDS = new SettingDefinition<>("blockedWords",
            io.kindred.api.settings.SettingType.TEXT, WordFilter.NONE,
            "Blocked words and phrases, one per line or separated by commas (a post or comment holding one is refused)",
            WordFilter::parse, List.of());

    /** Every setting, in the order of the console form. */
    static final List<SettingDefinition<?>> ALL = List.of(NEW_MEMBER_POSTS_PER_DAY, NEW_MEMBER_COMMENTS_PER_DAY,
            NEW_MEMBER_LINKS_PER_POST, NEW_MEMBER_IMAGES_PER_POST, TRUST_AFTER_DAYS, TRUST_AFTER_CHECKINS,
            TRUST_FROM_TIER, POSTS_PER_TEN_MINUTES, COMMENTS_PER_MINUTE, REPORTS_PER_DAY, AUTO_HIDE_REPORTS,
            BLOCKED_WORDS);

    static ModerationRules current(Settings s) {
        return new ModerationRules(s.get(NEW_MEMBER_POSTS_PER_DAY), s.get(NEW_MEMBER_COMMENTS_PER_DAY),
                s.get(NEW_MEMBER_LINKS_PER_POST), s.get(NEW_MEMBER_IMAGES_PER_POST), s.get(TRUST_AFTER_DAYS),
                s.get(TRUST_AFTER_CHECKINS), s.get(TRUST_FROM_TIER), s.get(POSTS_PER_TEN_MINUTES),
                s.get(COMMENTS_PER_MINUTE), s.get(REPORTS_PER_DAY), s.get(AUTO_HIDE_REPORTS), s.get(BLOCKED_WORDS));
    }
}
