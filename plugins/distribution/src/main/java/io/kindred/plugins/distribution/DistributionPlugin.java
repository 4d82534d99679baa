package io.kindred.plugins.distribution;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.referrals.DistributorRights;
import io.kindred.api.referrals.ReferralService;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Distribution (分销): invite links, QR codes and posters; binding newcomers to their referrer; commissions on
 * their purchases at two levels at most, frozen for the refund window, then available; distributor levels
 * (粉丝团) by fans and team sales; withdrawals paid out by the operator. Provides {@link ReferralService} and
 * {@link DistributorRights}. Emits {@code referral.bound}, {@code distributor.level_changed}, {@code commission.released},
 * {@code withdrawal.requested|approved|paid|rejected}. The whole plugin, at a glance.
 */
public final class DistributionPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        BindingStore bindingStore = new BindingStore();
        RightsStore rightsStore = new RightsStore();
        CommissionStore commissionStore = new CommissionStore();
        WithdrawalStore withdrawalStore = new WithdrawalStore();
        SuspiciousStore suspicious = new SuspiciousStore();
        Notices notices = new Notices(ctx);
        DistributionAudit audit = new DistributionAudit(ctx);
        Rights rights = new Rights(ctx, rightsStore, bindingStore, audit);
        Levels levels = new Levels(ctx, new LevelStore(), bindingStore, audit);
        Bindings bindings = new Bindings(ctx, bindingStore, notices, audit, (tx, referrer) -> {
            levels.recount(tx, referrer);
            rights.checkTasks(tx, referrer);
        });
        Commissions commissions = new Commissions(ctx, commissionStore, bindingStore, bindings, rights, levels, notices);
        Withdrawals withdrawals = new Withdrawals(ctx, withdrawalStore, notices, audit);
        Applications applications = new Applications(ctx, rightsStore, rights, audit);
        InviteLinks links = new InviteLinks(ctx);
        Overview overview = new Overview(ctx, bindingStore, rights, levels, withdrawalStore, links);
        DistributionRoutes api = new DistributionRoutes(ctx, overview, links, bindingStore, commissionStore,
                withdrawalStore, withdrawals, applications);
        DistributionAdmin admin = new DistributionAdmin(ctx, rights, rightsStore, applications, levels, bindings,
                bindingStore, commissionStore, withdrawals, withdrawalStore, suspicious);
        DistributionPages pages = new DistributionPages(ctx, overview, links, levels, bindingStore,
                commissionStore, withdrawalStore, withdrawals, applications, rightsStore);
        DistributionConsole console = new DistributionConsole(ctx, rights, rightsStore, applications, levels, bindings,
                commissionStore, withdrawals, withdrawalStore, suspicious);

        ctx.migrations("db/distribution");
        ctx.asset(Commissions.AVAILABLE);
        ctx.asset(Commissions.FROZEN);
        for (SettingDefinition<?> setting : DistributionSettings.ALL) {
            ctx.setting(setting);
        }
        ctx.messages("messages/distribution");
        ctx.assets("assets");
        ctx.stylesheet("css/invite.css");
        ctx.benefit(Rights.BENEFIT);
        ctx.memberFilter(new FansFilter());
        ctx.taskKind(DistributionTasks.INVITES);
        for (NotificationType type : Notices.ALL) {
            ctx.notificationType(type);
        }
        ctx.provide(ReferralService.class, new Referrals(ctx, bindingStore));
        ctx.provide(DistributorRights.class, rights);
        ctx.provide(io.kindred.api.referrals.ReferralSales.class, new ReferralFigures(ctx));
        ctx.personalData(new DistributionPersonalData(ctx));

        ctx.on("user.registered", "bind-on-signup", bindings::onRegistered);
        ctx.on("referral.clicked", "attribution", bindings::onClicked);
        ctx.on("purchase.recorded", "commission", commissions::onPurchase);
        ctx.on("purchase.refunded", "refund", commissions::onRefund);
        ctx.on("checkin.recorded", "checkin-task", rights::onCheckin);
        ctx.on("member.merged", "merge-members", new DistributionMerges()::onMerged);
        ctx.job("release-commissions", Schedule.every(Duration.ofMinutes(10)), commissions::releaseDue);
        ctx.job("recount-levels", Schedule.dailyAt(LocalTime.of(3, 30)), levels::recountAll);

        Routes r = ctx.routes();
        ctx.openApi("openapi/distribution.json");
        r.group("/api/v1/distribution", Access.MEMBER, g -> {
            g.get("/me", api::me);
            g.get("/fans", api::fans);
            g.get("/commissions", api::commissions);
            g.get("/withdrawals", api::myWithdrawals);
            g.post("/withdrawals", api::withdraw);
            g.post("/applications", api::apply);
        });
        r.group("/api/v1/admin/distribution", Access.OPERATOR, g -> {
            g.get("/distributors", admin::distributors);
            g.post("/distributors", admin::grant);
            g.delete("/distributors/{userId}", admin::revoke);
            g.get("/applications", admin::applicationList);
            g.post("/applications/{id}/approve", admin::approve);
            g.post("/applications/{id}/reject", admin::reject);
            g.get("/levels", admin::getLevels);
            g.put("/levels", admin::putLevels);
            g.post("/bindings", admin::rebind);
            g.get("/bindings/{userId}", admin::getBinding);
            g.get("/commissions", admin::commissionList);
            g.get("/withdrawals", admin::withdrawalList);
            g.get("/withdrawals/{id}", admin::withdrawal);
            g.post("/withdrawals/{id}/approve", admin::approveWithdrawal);
            g.post("/withdrawals/{id}/pay", admin::payWithdrawal);
            g.post("/withdrawals/{id}/reject", admin::rejectWithdrawal);
            g.get("/suspicious", admin::suspiciousActivity);
        });
        r.group("/invite", Access.MEMBER, g -> {
            g.get("", pages::invite);
            g.get("/qr.png", pages::qr);
            g.get("/poster.png", pages::poster);
            g.post("/apply", pages::apply);
            g.get("/team", pages::team);
            g.get("/earnings", pages::earnings);
            g.get("/withdraw", pages::withdrawPage);
            g.post("/withdraw", pages::withdraw);
        });
        r.group("/console/distribution", Access.OPERATOR, g -> {
            g.get("", console::overview);
            g.post("/grants", console::grantForm);
            g.post("/grants/{userId}/revoke", console::revokeForm);
            g.post("/applications/{id}", console::decideForm);
            g.post("/bindings", console::rebindForm);
            g.get("/levels", console::levelsPage);
            g.post("/levels", console::levelsForm);
            g.get("/commissions", console::commissionsPage);
            g.get("/withdrawals", console::withdrawalsPage);
            g.get("/withdrawals.csv", console::withdrawalsCsv);
            g.post("/withdrawals/{id}", console::withdrawalForm);
            g.get("/suspicious", console::suspiciousPage);
        });

        ctx.nav(NavEntry.member("distribution.nav", "/invite", 40).withIcon("share"));
        ctx.nav(NavEntry.console("distribution.console.nav", "/console/distribution", 45));
    }
}
