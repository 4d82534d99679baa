package io.kindred.plugins.creators.agencies;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The operators' JSON API of agencies and contracts, under {@code /api/v1/admin/creators}. */
final class AgencyAdminRoutes {

    record AgencyBody(String name, Optional<String> contactPerson, Optional<String> contactPhone,
                      Optional<String> contactEmail, Optional<String> status, Optional<String> notes) {
        AgencyStore.Fields fields() {
            return new AgencyStore.Fields(name, contactPerson.orElse(""), contactPhone.orElse(""), contactEmail.orElse(""),
                    status.orElse("active"), notes.orElse(""));
        }
    }

    record ContractBody(long userId, String startsOn, String endsOn, BigDecimal sharePercent) {
    }

    record RenewBody(String endsOn, Optional<BigDecimal> sharePercent) {
    }

    record TerminateBody(String reason) {
    }

    record ManagerBody(long userId) {
    }

    record SettleBody(Optional<Long> amount, String reference) {
    }

    private final PluginContext ctx;
    private final Agencies agencies;
    private final Contracts contracts;
    private final Shares shares;
    private final ShareStore shareStore;
    private final AgencyViews views;

    AgencyAdminRoutes(PluginContext ctx, Agencies agencies, Contracts contracts, Shares shares, ShareStore shareStore,
                      AgencyViews views) {
        this.ctx = ctx;
        this.agencies = agencies;
        this.contracts = contracts;
        this.shares = shares;
        this.shareStore = shareStore;
        this.views = views;
    }

    void list(Exchange x) {
        PageRequest page = x.page(50, 200);
        x.json(Page.of(agencies.list(page.before(), page.limit()), page, Agency::id).map(Agency::json));
    }

    void create(Exchange x) {
        Agency a = agencies.create(x.actor(), x.body(AgencyBody.class).fields());
        x.json(201, Map.of("agency", views.agency(a.id())));
    }

    void get(Exchange x) {
        x.json(Map.of("agency", views.agency(x.pathParamAsId("id"))));
    }

    void update(Exchange x) {
        Agency a = agencies.update(x.actor(), x.pathParamAsId("id"), x.body(AgencyBody.class).fields());
        x.json(Map.of("agency", views.agency(a.id())));
    }

    void addManager(Exchange x) {
        long id = x.pathParamAsId("id");
        agencies.addManager(x.actor(), id, x.body(ManagerBody.class).userId());
        x.json(Map.of("agency", views.agency(id)));
    }

    void removeManager(Exchange x) {
        agencies.removeManager(x.actor(), x.pathParamAsId("id"), x.pathParamAsId("userId"));
        x.noContent();
    }

    void contractsOfAgency(Exchange x) {
        long id = x.pathParamAsId("id");
        agencies.find(id);
        PageRequest page = x.page(50, 200);
        LocalDate today = ctx.today();
        x.json(Page.of(contracts.ofAgency(id, page.before(), page.limit()), page, Contract::id).map(c -> c.json(today)));
    }

    void createContract(Exchange x) {
        ContractBody b = x.body(ContractBody.class);
        Contract c = contracts.create(x.actor(), x.pathParamAsId("id"), b.userId(), b.startsOn(), b.endsOn(), b.sharePercent());
        x.json(201, Map.of("contract", c.json(ctx.today())));
    }

    void shares(Exchange x) {
        long id = x.pathParamAsId("id");
        agencies.find(id);
        PageRequest page = x.page(50, 200);
        x.json(Page.of(ctx.db().read(h -> shareStore.ofAgency(h, id, page.before(), page.limit())), page, Share::id)
                .map(Share::json));
    }

    void settle(Exchange x) {
        long id = x.pathParamAsId("id");
        agencies.find(id);
        SettleBody b = x.body(SettleBody.class);
        ShareStore.Payout p = shares.settle(x.actor(), id, b.amount().orElse(null), b.reference(),
                x.idempotencyKey().orElse(null));
        x.json(201, Map.of("payout", Map.of("id", p.id(), "agencyId", p.agencyId(), "amount", p.amount(),
                "reference", p.reference(), "createdAt", java.time.Instant.ofEpochMilli(p.createdAt()).toString()),
                "shareBalance", shares.balance(id)));
    }

    void contract(Exchange x) {
        x.json(Map.of("contract", contracts.find(x.pathParamAsId("id")).json(ctx.today())));
    }

    void renew(Exchange x) {
        RenewBody b = x.body(RenewBody.class);
        Contract c = contracts.renew(x.actor(), x.pathParamAsId("id"), b.endsOn(), b.sharePercent().orElse(null));
        x.json(201, Map.of("contract", c.json(ctx.today())));
    }

    void terminate(Exchange x) {
        Contract c = contracts.terminate(x.actor(), x.pathParamAsId("id"), x.body(TerminateBody.class).reason());
        x.json(Map.of("contract", c.json(ctx.today())));
    }

    void uploadTerms(Exchange x) {
        var file = x.file("terms").orElseThrow(() -> KindredException.missingField("terms"));
        x.json(Map.of("contract", contracts.uploadTerms(x.actor(), x.pathParamAsId("id"), file).json(ctx.today())));
    }

    void terms(Exchange x) {
        ContractStore.Terms t = contracts.terms(x.pathParamAsId("id"));
        x.download(t.fileName(), t.contentType(), t.bytes());
    }
}
