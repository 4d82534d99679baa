package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.community.CommunityPosts;
import io.kindred.api.users.Member;

import java.util.List;

/**
 * {@link CommunityPosts} for other plugins (e.g. the recap of an activities meet-up): a post written as the member
 * would write it on the board, through the same rules ({@link Posts#create}).
 */
final class PostsForPlugins implements CommunityPosts {

    private final PluginContext ctx;
    private final Posts posts;
    private final Categories categories;

    PostsForPlugins(PluginContext ctx, Posts posts, Categories categories) {
        this.ctx = ctx;
        this.posts = posts;
        this.categories = categories;
    }

    @Override
    public long publish(long authorId, String categorySlug, String title, String body) {
        Member author = ctx.members().find(authorId)
                .orElseThrow(() -> KindredException.notFound("There is no member " + authorId + "."));
        Category category = categories.findBySlug(categorySlug)
                .orElseThrow(() -> KindredException.notFound("There is no category '" + categorySlug + "'."));
        return posts.create(author, new Posts.Draft(category.id(), title, body, null, List.of(), List.of())).id();
    }
}
