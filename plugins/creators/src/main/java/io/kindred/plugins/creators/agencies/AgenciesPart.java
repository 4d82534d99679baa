package io.kindred.plugins.creators.agencies;

import io.kindred.api.PluginContext;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

import java.time.LocalTime;

/**
 * Agencies (MCN 机构) and their contracts with creators: revenue share booked through the ledger, renewals and
 * terminations, agency managers. The whole part at a glance: wiring, listeners, job, routes, texts.
 */
public final class AgenciesPart {

    private final PluginContext ctx;

    public AgenciesPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's migrations-free contributions: routes, listeners, settings, pages, texts. */
    public void contribute() {
        AgencyStore agencyStore = new AgencyStore();
        ContractStore contractStore = new ContractStore();
        ShareStore shareStore = new ShareStore();
        Agencies agencies = new Agencies(ctx, agencyStore);
        Contracts contracts = new Contracts(ctx, contractStore, agencies);
        Shares shares = new Shares(ctx, shareStore, contractStore);
        AgencyViews views = new AgencyViews(ctx, agencies, contracts, shareStore);
        AgencyAdminRoutes admin = new AgencyAdminRoutes(ctx, agencies, contracts, shares, shareStore, views);
        AgencyMemberRoutes member = new AgencyMemberRoutes(ctx, agencies, contracts, views);
        AgencyConsole console = new AgencyConsole(ctx, agencies, contracts, shares, shareStore, views);

        ctx.setting(Contracts.CERTIFIED_ONLY);
        ctx.messages("messages/agencies");
        ctx.openApi("openapi/agencies.json");
        ctx.on("commission.released", "agency-share", shares::onReleased);
        ctx.on("purchase.refunded", "agency-share-refund", shares::onRefund);
        ctx.job("end-contracts", Schedule.dailyAt(LocalTime.of(0, 5)), contracts::endPast);

        Routes r = ctx.routes();
        r.group("/api/v1/admin/creators/agencies", Access.OPERATOR, g -> {
            g.get("", admin::list);
            g.post("", admin::create);
            g.get("/{id}", admin::get);
            g.put("/{id}", admin::update);
            g.post("/{id}/managers", admin::addManager);
            g.delete("/{id}/managers/{userId}", admin::removeManager);
            g.get("/{id}/contracts", admin::contractsOfAgency);
            g.post("/{id}/contracts", admin::createContract);
            g.get("/{id}/shares", admin::shares);
            g.post("/{id}/settle", admin::settle);
        });
        r.group("/api/v1/admin/creators/contracts", Access.OPERATOR, g -> {
            g.get("/{id}", admin::contract);
            g.post("/{id}/renew", admin::renew);
            g.post("/{id}/terminate", admin::terminate);
            g.put("/{id}/terms", admin::uploadTerms);
            g.get("/{id}/terms", admin::terms);
        });
        r.group("/api/v1/creators", Access.MEMBER, g -> {
            g.get("/agency", member::myAgency);
            g.get("/agency/creators", member::myCreators);
            g.get("/agencies/{id}", member::agency);
            g.get("/agencies/{id}/creators", member::creators);
            g.get("/agencies/{id}/contracts", member::contracts);
            g.get("/contracts/{id}/terms", member::terms);
        });
        r.group("/creators", Access.MEMBER, g -> {
            g.get("/agency", member::myPage);
            g.get("/agencies/{id}", member::agencyPage);
        });
        r.group("/console/creators", Access.OPERATOR, g -> {
            g.get("/agencies", console::listPage);
            g.post("/agencies", console::createForm);
            g.get("/agencies/{id}", console::detailPage);
            g.post("/agencies/{id}", console::editForm);
            g.post("/agencies/{id}/managers", console::managerForm);
            g.post("/agencies/{id}/contracts", console::contractForm);
            g.post("/agencies/{id}/settle", console::settleForm);
            g.post("/contracts/{id}", console::contractActionForm);
            g.post("/contracts/{id}/terms", console::termsForm);
            g.get("/contracts/{id}/terms", console::terms);
        });
    }
}
