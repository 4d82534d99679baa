package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * The board's {@link PostingGate}: before a member writes, in this order, a ban or mute stops them
 * ({@code member_banned}, {@code member_muted}), the word filter refuses a text holding a blocked word
 * ({@code blocked_words}), a new member is held to the limits of their standing ({@code post_limit},
 * {@code comment_limit}, {@code link_limit}, {@code image_limit}) and everyone to the rate limits
 * ({@code rate_limited}). Operators pass every check; likes and reports only meet the ban (and a mute does not stop
 * them). The counts are read before the write, so two posts sent at the
 * same instant may both pass the last free place: the limits are a brake, not a ledger.
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
        if (act == Act.POST || act == Act.EDIT || act == Act.COMMENT) {
            rules.blockedWords().firstMatch(content.text()).ifPresent(w -> {
                throw new KindredException(ModerationError.BLOCKED_WORDS,
                        "Your text holds a word the community does not allow: \"" + w + "\". Please rephrase it.");
            });
        }
        if (trust.of(member, rules).limited()) {
            checkNewMember(member, act, content, rules);
        }
        checkRate(member, act, rules);
    }

    /** @return the rules in force now */
    ModerationRules rules() {
        return ModerationRules.current(ctx.settings());
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

    private void checkNewMember(Member member, Act act, Content content, ModerationRules rules) {
        if (act == Act.POST || act == Act.EDIT || act == Act.COMMENT) {
            if (content.links() > rules.newMemberLinksPerPost()) {
                throw new KindredException(ModerationError.LINK_LIMIT, "New members may put at most "
                        + rules.newMemberLinksPerPost() + " links in a post or comment.");
            }
        }
        if ((act == Act.POST || act == Act.EDIT || act == Act.UPLOAD) && content.images() > rules.newMemberImagesPerPost()) {
            throw new KindredException(ModerationError.IMAGE_LIMIT, "New members may put at most "
                    + rules.newMemberImagesPerPost() + " pictures in a post.");
        }
        long dayStart = ZonedDateTime.now(ctx.clock().withZone(ctx.siteZone())).toLocalDate()
                .atStartOfDay(ctx.siteZone()).toInstant().toEpochMilli();
        String tomorrow = Instant.ofEpochMilli(dayStart).plus(Duration.ofDays(1)).toString();
        if (act == Act.POST || act == Act.UPLOAD) {
            int today = ctx.db().read(h -> activity.postsSince(h, member.id(), dayStart));
            if (today >= rules.newMemberPostsPerDay()) {
                throw new KindredException(ModerationError.POST_LIMIT, "New members may write "
                        + rules.newMemberPostsPerDay() + " posts a day; you may post again from " + tomorrow + ".");
            }
        } else if (act == Act.COMMENT) {
            int today = ctx.db().read(h -> activity.commentsSince(h, member.id(), dayStart));
            if (today >= rules.newMemberCommentsPerDay()) {
                throw new KindredException(ModerationError.COMMENT_LIMIT, "New members may write "
                        + rules.newMemberCommentsPerDay() + " comments a day; you may comment again from " + tomorrow + ".");
            }
        }
    }

    private void checkRate(Member member, Act act, ModerationRules rules) {
        long now = ctx.clock().millis();
        if (act == Act.POST) {
            long since = now - POST_WINDOW.toMillis();
            int recent = ctx.db().read(h -> activity.postsSince(h, member.id(), since));
            if (recent >= rules.postsPerTenMinutes()) {
                long oldest = ctx.db().read(h -> activity.oldestPostSince(h, member.id(), since));
                throw rateLimited("posts", Instant.ofEpochMilli(oldest).plus(POST_WINDOW));
            }
        } else if (act == Act.COMMENT) {
            long since = now - COMMENT_WINDOW.toMillis();
            int recent = ctx.db().read(h -> activity.commentsSince(h, member.id(), since));
            if (recent >= rules.commentsPerMinute()) {
                long oldest = ctx.db().read(h -> activity.oldestCommentSince(h, member.id(), since));
                throw rateLimited("comments", Instant.ofEpochMilli(oldest).plus(COMMENT_WINDOW));
            }
        }
    }

    private static KindredException rateLimited(String what, Instant again) {
        return new KindredException(ModerationError.RATE_LIMITED,
                "You are writing " + what + " too fast; you may again from " + again + ".");
    }
}
