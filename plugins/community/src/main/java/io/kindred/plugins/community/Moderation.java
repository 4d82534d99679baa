package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * The board's {@link PostingGate}: before a member writes, in this order, a ban or mute stops them
 * ({@code member_banned}, {@code member_muted}), the word filter refuses a text holding a blocked word
 * ({@code blocked_words}), a new member is held to the limits of their standing ({@code post_limit},
 * {@code comment_limit}, {@code link_limit}, {@code image_limit}) and everyone to the rate limits
 * ({@code rate_limited}). Operators pass every check; likes and reports only meet the ban (a mute does not stop
 * them). The daily and rate limits are counted again in the write transaction of a post or comment
 * ({@link #recheck}), where writers take turns, so parallel requests cannot slip past them.
 */
final class Moderation implements PostingGate {

    private static final Duration POST_WINDOW = Duration.ofMinutes(10);
    private static final Duration COMMENT_WINDOW = Duration.ofMinutes(1);

    private final PluginContext ctx;
    private final Trust trust;
    private final Sanctions sanctions;
    private final ActivityStore activity;

    Moderation(PluginContext ctx, Trust trust, Sanctions sanctions, ActivityStore activity) {
        this.ctx = ctx;
        this.trust = trust;
        this.sanctions = sanctions;
        this.activity = activity;
    }

    @Override
    public void check(Member member, Act act, Content content) {
        if (member.hasRole(Role.OPERATOR)) {
            return;
        }
        checkSanctions(member, act);
        if (act == Act.LIKE || act == Act.REPORT) {
            return;
        }
        ModerationRules rules = ModerationRules.current(ctx.settings());
        if (act == Act.POST || act == Act.EDIT || act == Act.COMMENT || act == Act.UPLOAD) {
            rules.blockedWords().firstMatch(content.text()).ifPresent(w -> {
                throw new KindredException(ModerationError.BLOCKED_WORDS,
                        "Your text holds a word the community does not allow: \"" + w + "\". Please rephrase it.");
            });
        }
        boolean limited = trust.of(member, rules).limited();
        if (limited) {
            checkSize(act, content, rules);
        }
        ctx.db().read(h -> {
            checkCounts(h, member, act, rules, limited);
            return null;
        });
    }

    /** The daily and rate limits again, counted in the write transaction of the post or comment. */
    @Override
    public void recheck(Handle tx, Member member, Act act) {
        if (member.hasRole(Role.OPERATOR)) {
            return;
        }
        ModerationRules rules = ModerationRules.current(ctx.settings());
        checkCounts(tx, member, act, rules, trust.of(member, rules).limited());
    }

    private void checkSanctions(Member member, Act act) {
        sanctions.inForce(member.id()).ifPresent(s -> {
            if (s.kind() == Sanction.Kind.BAN) {
                throw new KindredException(ModerationError.MEMBER_BANNED,
                        "You are banned from the community and cannot post, comment, like or report.");
            }
            if (act != Act.LIKE && act != Act.REPORT) {
                throw new KindredException(ModerationError.MEMBER_MUTED, "You are muted until "
                        + Instant.ofEpochMilli(s.endsAt()) + " (" + sanctions.until(s.endsAt()) + ") and cannot post or comment.");
            }
        });
    }

    private static void checkSize(Act act, Content content, ModerationRules rules) {
        if ((act == Act.POST || act == Act.EDIT || act == Act.COMMENT) && content.links() > rules.newMemberLinksPerPost()) {
            throw new KindredException(ModerationError.LINK_LIMIT, "New members may put at most "
                    + rules.newMemberLinksPerPost() + " links in a post or comment.");
        }
        // More than a post may ever carry is the post's own error (too_many_images), for everyone.
        if ((act == Act.POST || act == Act.EDIT || act == Act.UPLOAD) && content.images() > rules.newMemberImagesPerPost()
                && content.images() <= Posts.MAX_IMAGES) {
            throw new KindredException(ModerationError.IMAGE_LIMIT, "New members may put at most "
                    + rules.newMemberImagesPerPost() + " pictures in a post.");
        }
    }

    private void checkCounts(Handle h, Member member, Act act, ModerationRules rules, boolean newMember) {
        if (newMember) {
            checkDaily(h, member, act, rules);
        }
        checkRate(h, member, act, rules);
    }

    private void checkDaily(Handle h, Member member, Act act, ModerationRules rules) {
        long dayStart = ZonedDateTime.now(ctx.clock().withZone(ctx.siteZone())).toLocalDate()
                .atStartOfDay(ctx.siteZone()).toInstant().toEpochMilli();
        String tomorrow = Instant.ofEpochMilli(dayStart).plus(Duration.ofDays(1)).toString();
        if ((act == Act.POST || act == Act.UPLOAD) && activity.postsSince(h, member.id(), dayStart) >= rules.newMemberPostsPerDay()) {
            throw new KindredException(ModerationError.POST_LIMIT, "New members may write "
                    + rules.newMemberPostsPerDay() + " posts a day; you may post again from " + tomorrow + ".");
        }
        if (act == Act.COMMENT && activity.commentsSince(h, member.id(), dayStart) >= rules.newMemberCommentsPerDay()) {
            throw new KindredException(ModerationError.COMMENT_LIMIT, "New members may write "
                    + rules.newMemberCommentsPerDay() + " comments a day; you may comment again from " + tomorrow + ".");
        }
    }

    private void checkRate(Handle h, Member member, Act act, ModerationRules rules) {
        long now = ctx.clock().millis();
        if (act == Act.POST) {
            long since = now - POST_WINDOW.toMillis();
            if (activity.postsSince(h, member.id(), since) >= rules.postsPerTenMinutes()) {
                throw rateLimited("posts", Instant.ofEpochMilli(activity.oldestPostSince(h, member.id(), since)).plus(POST_WINDOW));
            }
        } else if (act == Act.COMMENT) {
            long since = now - COMMENT_WINDOW.toMillis();
            if (activity.commentsSince(h, member.id(), since) >= rules.commentsPerMinute()) {
                throw rateLimited("comments", Instant.ofEpochMilli(activity.oldestCommentSince(h, member.id(), since))
                        .plus(COMMENT_WINDOW));
            }
        }
    }

    private static KindredException rateLimited(String what, Instant again) {
        return new KindredException(ModerationError.RATE_LIMITED,
                "You are writing " + what + " too fast; you may again from " + again + ".");
    }
}
