package io.kindred.plugins.community;

import io.kindred.api.PluginContext;

/**
 * Share links of posts. A link carries the sharer's invite code ({@code ?ref=}) when the distribution plugin
 * is started, so that a friend who signs up from it is bound to the sharer; without it the link is plain.
 */
final class Sharing {

    private final PluginContext ctx;

    Sharing(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return the site path to share for a post */
    String link(long sharerId, long postId) {
        return "/community/posts/" + postId;
    }
}
