package io.kindred.plugins.checkin;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

/**
 * Check-ins (签到): a daily check-in with streaks and milestone rewards, make-up check-ins (补签), check-in
 * challenges (打卡活动) and a monthly leaderboard. Emits {@code checkin.recorded} {userId, day, streak, makeup}.
 * The whole plugin, at a glance.
 */
public final class CheckinPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        CheckinStore store = new CheckinStore();
        Rewards rewards = new Rewards(ctx, store);
        Challenges challenges = new Challenges(ctx, new ChallengeStore(), store, rewards);
        Checkins checkins = new Checkins(ctx, store, rewards, challenges);
        Leaderboard leaderboard = new Leaderboard(ctx, store);
        CheckinRoutes api = new CheckinRoutes(checkins, challenges, leaderboard);
        CheckinPages pages = new CheckinPages(ctx, checkins, challenges, leaderboard);
        CheckinConsole console = new CheckinConsole(ctx, checkins, challenges, store);

        ctx.migrations("db/checkin");
        for (SettingDefinition<?> rule : Rules.ALL) {
            ctx.setting(rule);
        }
        ctx.preference(Leaderboard.SHOW_ME);
        ctx.messages("messages/checkin");

        Routes r = ctx.routes();
        r.post("/api/v1/checkins", Access.MEMBER, api::checkIn);
        r.get("/api/v1/checkins/me", Access.MEMBER, api::me);
        r.post("/api/v1/checkins/makeup", Access.MEMBER, api::makeUp);
        r.get("/api/v1/checkins/leaderboard", Access.MEMBER, api::leaderboard);
        r.get("/api/v1/checkins/challenges", Access.MEMBER, api::challenges);
        r.get("/api/v1/checkins/challenges/{id}", Access.MEMBER, api::challenge);
        r.post("/api/v1/checkins/challenges/{id}/join", Access.MEMBER, api::join);

        r.get("/api/v1/admin/checkins/rules", Access.OPERATOR, console::getRules);
        r.put("/api/v1/admin/checkins/rules", Access.OPERATOR, console::putRules);
        r.patch("/api/v1/admin/checkins/rules", Access.OPERATOR, console::putRules);
        r.get("/api/v1/admin/checkins/challenges", Access.OPERATOR, console::listChallenges);
        r.post("/api/v1/admin/checkins/challenges", Access.OPERATOR, console::createChallenge);
        r.get("/api/v1/admin/checkins/challenges/{id}", Access.OPERATOR, console::getChallenge);
        r.put("/api/v1/admin/checkins/challenges/{id}", Access.OPERATOR, console::updateChallenge);
        r.patch("/api/v1/admin/checkins/challenges/{id}", Access.OPERATOR, console::updateChallenge);
        r.delete("/api/v1/admin/checkins/challenges/{id}", Access.OPERATOR, console::deleteChallenge);
        r.get("/api/v1/admin/checkins/stats", Access.OPERATOR, console::getStats);

        r.get("/checkin", Access.MEMBER, pages::calendar);
        r.post("/checkin", Access.MEMBER, pages::checkIn);
        r.post("/checkin/makeup", Access.MEMBER, pages::makeUp);
        r.get("/checkin/leaderboard", Access.MEMBER, pages::leaderboardPage);
        r.get("/checkin/challenges", Access.MEMBER, pages::challengeList);
        r.get("/checkin/challenges/{id}", Access.MEMBER, pages::challengeDetail);
        r.post("/checkin/challenges/{id}/join", Access.MEMBER, pages::join);

        r.get("/console/checkin", Access.OPERATOR, console::overviewPage);
        r.get("/console/checkin/rules", Access.OPERATOR, console::rulesPage);
        r.post("/console/checkin/rules", Access.OPERATOR, console::rulesForm);
        r.get("/console/checkin/challenges", Access.OPERATOR, console::challengesPage);
        r.post("/console/checkin/challenges", Access.OPERATOR, console::createChallengeForm);
        r.get("/console/checkin/challenges/new", Access.OPERATOR, console::newChallengePage);
        r.get("/console/checkin/challenges/{id}", Access.OPERATOR, console::editChallengePage);
        r.post("/console/checkin/challenges/{id}", Access.OPERATOR, console::updateChallengeForm);
        r.post("/console/checkin/challenges/{id}/delete", Access.OPERATOR, console::deleteChallengeForm);

        ctx.nav(NavEntry.member("checkin.nav", "/checkin", 20));
        ctx.nav(NavEntry.console("checkin.console.nav", "/console/checkin", 30));
        ctx.widget(new Widget("checkin", "checkin/widget", 5, pages::widget));
    }
}
