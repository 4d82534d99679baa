package io.kindred.plugins.community;

import io.kindred.api.PluginContext;
import io.kindred.api.referrals.ReferralService;

/**
 * Share links of posts. A link carries the sharer's invite code ({@code ?ref=CODE}) while the distribution plugin
 * is started (it provides {@link ReferralService}): a friend who opens it and signs up is bound to the sharer, and
 * the sharer earns on the friend's purchases. Without it the link is plain.
 */
final class Sharing {

    private final PluginContext ctx;

    Sharing(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return the site path to share for a post */
    String link(long sharerId, long postId) {
        String path = "/community/posts/" + postId;
        if (ctx.services().find(ReferralService.class).isEmpty()) {
            return path;
        }
        return ctx.members().referralCode(sharerId).map(code -> path + "?ref=" + CommunityPages.enc(code)).orElse(path);
    }
}
