package io.kindred.plugins.creators.agencies;

import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an agency's managers see, as JSON and as the phone-first page {@code /creators/agency}: their own agency
 * only. Another agency's data answers 403 {@code not_your_agency}; operators see every agency.
 */
final class AgencyMemberRoutes {

    private final PluginContext ctx;
    private final Agencies agencies;
    private final Contracts contracts;
    private final AgencyViews views;

    AgencyMemberRoutes(PluginContext ctx, Agencies agencies, Contracts contracts, AgencyViews views) {
        this.ctx = ctx;
        this.agencies = agencies;
        this.contracts = contracts;
        this.views = views;
    }

    void myAgency(Exchange x) {
        x.json(Map.of("agency", views.agency(agencies.managedBy(x.requireMember()))));
    }

    void myCreators(Exchange x) {
        x.json(Page.all(views.creators(agencies.managedBy(x.requireMember()))));
    }

    void agency(Exchange x) {
        x.json(Map.of("agency", views.agency(viewable(x))));
    }

    void creators(Exchange x) {
        x.json(Page.all(views.creators(viewable(x))));
    }

    void contracts(Exchange x) {
        long id = viewable(x);
        LocalDate today = ctx.today();
        x.json(Page.all(contracts.ofAgency(id, Long.MAX_VALUE, 500).stream().map(c -> c.json(today)).toList()));
    }

    void terms(Exchange x) {
        Contract c = contracts.find(x.pathParamAsId("id"));
        agencies.requireViewer(x.requireMember(), c.agencyId());
        ContractStore.Terms t = contracts.terms(c.id());
        x.download(t.fileName(), t.contentType(), t.bytes());
    }

    /** {@code GET /creators/agency}: the manager's own agency. */
    void myPage(Exchange x) {
        page(x, agencies.managedBy(x.requireMember()));
    }

    /** {@code GET /creators/agencies/{id}}: one agency, for its managers and operators. */
    void agencyPage(Exchange x) {
        page(x, viewable(x));
    }

    private void page(Exchange x, long agencyId) {
        LocalDate today = ctx.today();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agency", views.agency(agencyId));
        model.put("creators", views.creators(agencyId));
        model.put("contracts", contracts.ofAgency(agencyId, Long.MAX_VALUE, 200).stream().map(c -> {
            Map<String, Object> m = c.json(today);
            m.put("creator", ctx.members().find(c.userId()).map(Member::displayName).orElse("#" + c.userId()));
            return m;
        }).toList());
        x.render("creators/agencies/agency", model);
    }

    private long viewable(Exchange x) {
        long id = x.pathParamAsId("id");
        agencies.requireViewer(x.requireMember(), id);
        agencies.find(id);
        return id;
    }
}
