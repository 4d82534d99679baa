package io.kindred.plugins.community;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Replay;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

/**
 * Community board (社区): categories, posts with pictures, comments, likes, bookmarks, shares, featured and hot
 * lists, search. Emits {@code post.published} {postId, userId, categoryId, official}, {@code comment.created},
 * {@code post.shared}. The whole plugin, at a glance.
 */
public final class CommunityPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        CategoryStore categoryStore = new CategoryStore();
        PostStore postStore = new PostStore();
        CommentStore commentStore = new CommentStore();
        SearchIndex search = new SearchIndex(ctx.db().dialect());
        ActivityStore activity = new ActivityStore();
        Sanctions sanctions = new Sanctions(ctx, new SanctionStore());
        Trust trust = new Trust(ctx, activity);
        PostingGate gate = new Moderation(ctx, trust, sanctions, activity);
        Categories categories = new Categories(ctx, categoryStore);
        Authors authors = new Authors(ctx);
        Mentions mentions = new Mentions(ctx);
        Posts posts = new Posts(ctx, postStore, categories, search, mentions, gate);
        Feed feed = new Feed(ctx, postStore, search, authors);
        Interactions interactions = new Interactions(ctx, postStore, commentStore, posts, authors, mentions, gate);
        Sharing sharing = new Sharing(ctx);
        CommunityStats stats = new CommunityStats(ctx);
        OfficialImport importer = new OfficialImport(ctx, posts, categories);
        CommunityRoutes api = new CommunityRoutes(categories, posts, feed, interactions, sharing);
        CommunityAdmin admin = new CommunityAdmin(categories, posts, feed, stats, importer);
        CommunityPages pages = new CommunityPages(ctx, categories, posts, feed, interactions, api, authors);
        ComposerPages composer = new ComposerPages(categories, posts, feed, interactions, sharing);
        CommunityConsole console = new CommunityConsole(categories, posts, feed, stats, importer);

        ctx.migrations("db/community");
        ctx.messages("messages/community");
        ctx.assets("assets");
        ctx.stylesheet("css/community.css");
        ctx.notificationType(Interactions.COMMENTED);
        ctx.notificationType(Interactions.REPLIED);
        ctx.notificationType(Interactions.LIKED);
        ctx.notificationType(Mentions.MENTIONED);

        Routes r = ctx.routes();
        ctx.openApi("openapi/community.json");
        r.group("/api/v1/community", Access.PUBLIC, g -> {
            g.get("/categories", api::categories);
            g.get("/posts", api::list);
            g.get("/posts/{id}", api::get);
            g.get("/posts/{id}/comments", api::comments);
        });
        r.group("/api/v1/community", Access.MEMBER, g -> {
            g.post("/posts", api::create);
            g.patch("/posts/{id}", api::patch);
            g.delete("/posts/{id}", api::delete);
            g.get("/posts/{id}/revisions", api::revisions);
            g.post("/posts/{id}/comments", api::comment);
            g.post("/posts/{id}/like", api::like);
            g.delete("/posts/{id}/like", api::unlike);
            g.post("/posts/{id}/bookmark", api::bookmark);
            g.delete("/posts/{id}/bookmark", api::unbookmark);
            g.post("/posts/{id}/share", api::share);
            g.delete("/comments/{id}", api::deleteComment);
            g.post("/comments/{id}/like", api::likeComment);
            g.delete("/comments/{id}/like", api::unlikeComment);
            g.get("/bookmarks", api::bookmarks);
            g.post("/images", api::upload);
        });
        r.group("/api/v1/admin/community", Access.OPERATOR, g -> {
            g.get("/categories", admin::categories);
            g.post("/categories", admin::createCategory);
            g.put("/categories/{id}", admin::updateCategory);
            g.patch("/categories/{id}", admin::updateCategory);
            g.delete("/categories/{id}", admin::deleteCategory);
            g.post("/posts/{id}/feature", admin::feature);
            g.delete("/posts/{id}/feature", admin::unfeature);
            g.get("/stats", admin::stats);
            g.post("/import", admin::importContent);
        });
        r.group("/community", Access.PUBLIC, g -> {
            g.get("", pages::home);
            g.get("/feed", pages::more);
            g.get("/posts/{id}", pages::post);
            g.get("/members/{id}", pages::profile);
        });
        r.group("/community", Access.MEMBER, g -> {
            g.get("/new", composer::composer);
            g.post("/new", composer::create);
            g.get("/bookmarks", pages::bookmarks);
            g.get("/posts/{id}/edit", composer::editor);
            g.post("/posts/{id}/edit", composer::update);
            g.post("/posts/{id}/delete", composer::delete);
            g.post("/posts/{id}/like", composer::like);
            g.post("/posts/{id}/bookmark", composer::bookmark);
            g.post("/posts/{id}/share", composer::share);
            g.post("/posts/{id}/comments", composer::comment);
            g.post("/comments/{id}/delete", composer::deleteComment);
        });
        r.group("/console/community", Access.OPERATOR, g -> {
            g.get("", console::overview);
            g.get("/categories", console::categoriesPage);
            g.post("/categories", console::createCategory);
            g.post("/categories/{id}", console::updateCategory);
            g.post("/categories/{id}/delete", console::deleteCategory);
            g.get("/featured", console::featuredPage);
            g.post("/featured", console::featureById);
            g.post("/posts/{id}/feature", console::featureForm);
            g.get("/import", console::importPage);
            g.post("/import", console::importForm);
        });

        ctx.nav(NavEntry.everyone("community.nav", "/community", 10));
        ctx.nav(NavEntry.console("community.console.nav", "/console/community", 20));
        ctx.widget(Widget.localized("community", "community/widget", 3, pages::widget));

        // Moderation and trust: reports, the operators' queue, sanctions, trust levels, limits, word filter.
        ReportStore reportStore = new ReportStore();
        Decisions decisions = new Decisions(ctx, posts, interactions, reportStore);
        ReportQueue queue = new ReportQueue(ctx, reportStore, decisions, authors);
        Reports reports = new Reports(ctx, reportStore, activity, gate, decisions);
        Standings standings = new Standings(ctx, trust, sanctions);
        ModerationRoutes moderation = new ModerationRoutes(reports, queue, decisions, sanctions, standings);
        ModerationPages moderationPages = new ModerationPages(reports, decisions);
        ModerationConsole moderationConsole = new ModerationConsole(ctx, queue, decisions, sanctions, standings);
        for (SettingDefinition<?> rule : ModerationRules.ALL) {
            ctx.setting(rule);
        }
        ctx.messages("messages/community-moderation");
        ModerationNotices.ALL.forEach(ctx::notificationType);
        ctx.on("checkin.recorded", "moderation-checkins", Replay.FROM_START, trust::checkedIn);
        ctx.openApi("openapi/community-moderation.json");
        r.group("/api/v1/community", Access.MEMBER, g -> {
            g.post("/reports", moderation::report);
            g.get("/standing", moderation::standing);
        });
        r.group("/api/v1/admin/community", Access.OPERATOR, g -> {
            g.get("/reports", moderation::queue);
            g.post("/posts/{id}/moderate", moderation::moderatePost);
            g.post("/comments/{id}/moderate", moderation::moderateComment);
            g.get("/sanctions", moderation::inForce);
            g.get("/members/{id}", moderation::member);
            g.post("/members/{id}/sanctions", moderation::sanction);
            g.post("/members/{id}/lift", moderation::lift);
        });
        r.post("/community/report", Access.MEMBER, moderationPages::report);
        r.group("/console/community/moderation", Access.OPERATOR, g -> {
            g.get("", moderationConsole::page);
            g.post("/decide", moderationConsole::decide);
            g.post("/sanction", moderationConsole::sanction);
            g.post("/lift", moderationConsole::lift);
            g.post("/words", moderationConsole::words);
        });
        ctx.nav(NavEntry.console("community.moderation.console.nav", "/console/community/moderation", 21));


        // Content-creation contests (内容创作活动): see Contests, ContestVotes, ContestAwards.
        ContestStore contestStore = new ContestStore();
        ContestEntryStore contestEntries = new ContestEntryStore();
        Contests contests = new Contests(ctx, contestStore, contestEntries, postStore, categories, authors);
        ContestVotes contestVotes = new ContestVotes(ctx, contestStore, contestEntries, gate);
        ContestAwards contestAwards = new ContestAwards(ctx, contestStore, contestEntries, authors);
        ContestRoutes contestApi = new ContestRoutes(contests, contestVotes, contestAwards);
        ContestPages contestPages = new ContestPages(contests, contestVotes);
        ContestConsole contestConsole = new ContestConsole(ctx, contests, contestAwards, categories);
        ctx.messages("messages/community-contests");
        ctx.notificationType(ContestAwards.WON);
        ctx.openApi("openapi/community-contests.json");
        r.group("/api/v1/community/contests", Access.PUBLIC, g -> {
            g.get("", contestApi::list);
            g.get("/{id}", contestApi::get);
        });
        r.group("/api/v1/community/contests", Access.MEMBER, g -> {
            g.post("/{id}/entries/{postId}/vote", contestApi::vote);
            g.delete("/{id}/entries/{postId}/vote", contestApi::unvote);
        });
        r.group("/api/v1/admin/community/contests", Access.OPERATOR, g -> {
            g.get("", contestApi::adminList);
            g.post("", contestApi::create);
            g.get("/{id}", contestApi::adminGet);
            g.patch("/{id}", contestApi::patch);
            g.post("/{id}/winners", contestApi::winners);
        });
        r.group("/community/contests", Access.PUBLIC, g -> {
            g.get("", contestPages::list);
            g.get("/{id}", contestPages::contest);
        });
        r.group("/community/contests", Access.MEMBER, g -> {
            g.post("/{id}/entries/{postId}/vote", contestPages::vote);
            g.post("/{id}/entries/{postId}/unvote", contestPages::unvote);
        });
        r.group("/console/community/contests", Access.OPERATOR, g -> {
            g.get("", contestConsole::list);
            g.post("", contestConsole::create);
            g.get("/new", contestConsole::newPage);
            g.get("/{id}", contestConsole::editPage);
            g.post("/{id}", contestConsole::update);
            g.post("/{id}/end", contestConsole::end);
            g.post("/{id}/winners", contestConsole::winners);
        });
        ctx.nav(NavEntry.console("community.contests.console.nav", "/console/community/contests", 21));
    }
}
