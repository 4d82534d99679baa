package io.kindred.plugins.checkin;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

import java.time.LocalTime;

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
        ChallengeStore challengeStore = new ChallengeStore();
        Challenges challenges = new Challenges(ctx, challengeStore, store, rewards);
        Reminders reminders = new Reminders(ctx, challengeStore, store);
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
        ctx.memberFilter(new StreakFilter(ctx));
        ctx.taskKind(CheckinTasks.STREAK);
        ctx.messages("messages/checkin");
        ctx.notificationType(Reminders.CHALLENGE_STARTS);
        ctx.notificationType(Reminders.STREAK_AT_RISK);
        ctx.on("member.merged", "merge-members", new CheckinMerges()::onMerged);
        ctx.personalData(new CheckinPersonalData());
        ctx.job("remind-challenges", Schedule.dailyAt(LocalTime.of(18, 0)), reminders::challengesStartingTomorrow);
        ctx.job("remind-streaks", Schedule.dailyAt(LocalTime.of(20, 0)), reminders::streaksAtRisk);

        Routes r = ctx.routes();
        ctx.openApi("openapi/checkin.json");
        r.group("/api/v1/checkins", Access.MEMBER, g -> {
            g.post("", api::checkIn);
            g.get("/me", api::me);
            g.post("/makeup", api::makeUp);
            g.get("/leaderboard", api::leaderboard);
            g.get("/challenges", api::challenges);
            g.get("/challenges/{id}", api::challenge);
            g.post("/challenges/{id}/join", api::join);
        });
        r.group("/api/v1/admin/checkins", Access.OPERATOR, g -> {
            g.get("/rules", console::getRules);
            g.put("/rules", console::putRules);
            g.patch("/rules", console::putRules);
            g.get("/challenges", console::listChallenges);
            g.post("/challenges", console::createChallenge);
            g.get("/challenges/{id}", console::getChallenge);
            g.put("/challenges/{id}", console::updateChallenge);
            g.patch("/challenges/{id}", console::updateChallenge);
            g.delete("/challenges/{id}", console::deleteChallenge);
            g.get("/stats", console::getStats);
        });
        r.group("/checkin", Access.MEMBER, g -> {
            g.get("", pages::calendar);
            g.post("", pages::checkIn);
            g.post("/makeup", pages::makeUp);
            g.get("/leaderboard", pages::leaderboardPage);
            g.get("/challenges", pages::challengeList);
            g.get("/challenges/{id}", pages::challengeDetail);
            g.post("/challenges/{id}/join", pages::join);
        });
        r.group("/console/checkin", Access.OPERATOR, g -> {
            g.get("", console::overviewPage);
            g.get("/rules", console::rulesPage);
            g.post("/rules", console::rulesForm);
            g.get("/challenges", console::challengesPage);
            g.post("/challenges", console::createChallengeForm);
            g.get("/challenges/new", console::newChallengePage);
            g.get("/challenges/{id}", console::editChallengePage);
            g.post("/challenges/{id}", console::updateChallengeForm);
            g.post("/challenges/{id}/delete", console::deleteChallengeForm);
        });

        ctx.nav(NavEntry.member("checkin.nav", "/checkin", 20).withIcon("calendar"));
        ctx.nav(NavEntry.console("checkin.console.nav", "/console/checkin", 30));
        ctx.widget(new Widget("checkin", "checkin/widget", 5, pages::widget));
    }
}
