package io.kindred.plugins.community;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Replay;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Routes;

/**
 * Community board (社区): categories, posts with pictures, comments, likes, bookmarks, shares, hot/latest/featured
 * lists, search and the import of official content; moderation and trust (reports, sanctions, new-member limits,
 * word filter); content-creation contests. Emits {@code post.published} {postId, userId, categoryId, official},
 * {@code comment.created}, {@code post.shared}. The whole plugin, at a glance: wiring, then contributions; each
 * HTTP class lists its own routes in {@code register}.
 */
public final class CommunityPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        // Moderation's gate guards every write of the board, so it is built first.
        ActivityStore activity = new ActivityStore();
        Sanctions sanctions = new Sanctions(ctx, new SanctionStore());
        Trust trust = new Trust(ctx, activity);
        PostingGate gate = new Moderation(ctx, trust, sanctions, activity);
        // The board.
        PostStore postStore = new PostStore();
        Categories categories = new Categories(ctx, new CategoryStore());
        SearchIndex search = new SearchIndex(ctx.db().dialect());
        Authors authors = new Authors(ctx);
        Mentions mentions = new Mentions(ctx);
        Posts posts = new Posts(ctx, postStore, categories, search, mentions, gate);
        Feed feed = new Feed(ctx, postStore, search, authors);
        Interactions interactions = new Interactions(ctx, postStore, new CommentStore(), posts, authors, mentions, gate);
        Sharing sharing = new Sharing(ctx);
        CommunityStats stats = new CommunityStats(ctx);
        OfficialImport importer = new OfficialImport(ctx, posts, categories);
        CommunityRoutes api = new CommunityRoutes(categories, posts, feed, interactions, sharing);
        CommunityPages pages = new CommunityPages(ctx, categories, posts, feed, interactions, api, authors, sharing);
        // Moderation's queue and decisions act on the board.
        ReportStore reportStore = new ReportStore();
        Decisions decisions = new Decisions(ctx, posts, interactions, reportStore);
        ReportQueue queue = new ReportQueue(ctx, reportStore, decisions, authors);
        Reports reports = new Reports(ctx, reportStore, activity, gate, decisions);
        Standings standings = new Standings(ctx, trust, sanctions);
        // Contests (内容创作活动): entries are posts.
        ContestStore contestStore = new ContestStore();
        ContestEntryStore contestEntries = new ContestEntryStore();
        Contests contests = new Contests(ctx, contestStore, contestEntries, postStore, categories, authors);
        ContestVotes votes = new ContestVotes(ctx, contestStore, contestEntries, gate);
        ContestAwards awards = new ContestAwards(ctx, contestStore, contestEntries, authors);

        ctx.migrations("db/community");
        ctx.messages("messages/community");
        ctx.messages("messages/community-moderation");
        ctx.messages("messages/community-contests");
        ctx.assets("assets");
        ctx.stylesheet("css/community.css");
        ModerationRules.ALL.forEach(ctx::setting);
        ctx.on("checkin.recorded", "moderation-checkins", Replay.FROM_START, trust::checkedIn);
        ctx.on("member.merged", "merge-members", new CommunityMerges()::onMerged);
        ctx.personalData(new CommunityPersonalData(search));
        ctx.taskKind(CommunityTasks.POSTS);
        ActivityFilters.all().forEach(ctx::memberFilter);
        ctx.notificationType(Interactions.COMMENTED);
        ctx.notificationType(Interactions.REPLIED);
        ctx.notificationType(Interactions.LIKED);
        ctx.notificationType(Mentions.MENTIONED);
        ModerationNotices.ALL.forEach(ctx::notificationType);
        ctx.notificationType(ContestAwards.WON);

        Routes r = ctx.routes();
        ctx.openApi("openapi/community.json");
        ctx.openApi("openapi/community-moderation.json");
        ctx.openApi("openapi/community-contests.json");
        api.register(r);
        new CommunityAdmin(categories, posts, feed, stats, importer).register(r);
        pages.register(r);
        new ComposerPages(categories, posts, feed, interactions).register(r);
        new CommunityConsole(categories, posts, feed, stats, importer).register(r);
        new ModerationRoutes(reports, queue, decisions, sanctions, standings).register(r);
        new ModerationPages(reports, decisions).register(r);
        new ModerationConsole(ctx, queue, decisions, sanctions, standings).register(r);
        new ContestRoutes(contests, votes, awards).register(r);
        new ContestPages(contests, votes).register(r);
        new ContestConsole(ctx, contests, awards, categories).register(r);

        ctx.nav(NavEntry.everyone("community.nav", "/community", 10).withIcon("chat"));
        ctx.nav(NavEntry.console("community.console.nav", "/console/community", 20));
        ctx.nav(NavEntry.console("community.moderation.console.nav", "/console/community/moderation", 21));
        ctx.nav(NavEntry.console("community.contests.console.nav", "/console/community/contests", 21));
        ctx.widget(Widget.localized("community", "community/widget", 3, pages::widget));
        ctx.provide(io.kindred.api.community.CommunityActivity.class, new AuthorActivity(ctx));
        ctx.provide(io.kindred.api.community.CommunityPosts.class, new PostsForPlugins(ctx, posts, categories));
    }
}
