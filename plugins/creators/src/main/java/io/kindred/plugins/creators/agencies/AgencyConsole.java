package io.kindred.plugins.creators.agencies;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The console pages {@code /console/creators/agencies...}: forms post, act through the services, redirect back. */
final class AgencyConsole {

    private static final String BASE = "/console/creators/agencies";

    private final PluginContext ctx;
    private final Agencies agencies;
    private final Contracts contracts;
    private final Shares shares;
    private final ShareStore shareStore;
    private final AgencyViews views;

    AgencyConsole(PluginContext ctx, Agencies agencies, Contracts contracts, Shares shares, ShareStore shareStore,
                  AgencyViews views) {
        this.ctx = ctx;
        this.agencies = agencies;
        this.contracts = contracts;
        this.shares = shares;
        this.shareStore = shareStore;
        this.views = views;
    }

    void listPage(Exchange x) {
        Map<String, Object> model = messages(x);
        model.put("agencies", agencies.list(Long.MAX_VALUE, 500).stream().map(a -> {
            Map<String, Object> m = a.json();
            m.put("shareBalanceText", AgencyViews.money(shares.balance(a.id())));
            m.put("creators", contracts.inForce(a.id()).size());
            return m;
        }).toList());
        x.render("creators/agencies/console-list", model);
    }

    void detailPage(Exchange x) {
        long id = x.pathParamAsId("id");
        Map<String, Object> model = messages(x);
        LocalDate today = ctx.today();
        model.put("agency", views.agency(id));
        model.put("creators", views.creators(id));
        model.put("contracts", contracts.ofAgency(id, Long.MAX_VALUE, 500).stream().map(c -> {
            Map<String, Object> m = c.json(today);
            m.put("creator", name(c.userId()));
            return m;
        }).toList());
        model.put("shares", ctx.db().read(h -> shareStore.ofAgency(h, id, Long.MAX_VALUE, 100)).stream().map(s -> {
            Map<String, Object> m = s.json();
            m.put("creator", name(s.userId()));
            m.put("commissionText", AgencyViews.money(s.commissionAmount()));
            m.put("amountText", AgencyViews.money(s.amount()));
            return m;
        }).toList());
        model.put("payouts", ctx.db().read(h -> shareStore.payouts(h, id)).stream().map(p -> Map.of("id", p.id(),
                "amount", AgencyViews.money(p.amount()), "reference", p.reference(), "day", Instant.ofEpochMilli(p.createdAt()).toString()
                        .substring(0, 10))).toList());
        model.put("today", today.toString());
        x.render("creators/agencies/console-agency", model);
    }

    void createForm(Exchange x) {
        act(x, BASE, () -> agencies.create(x.actor(), fields(x)), "created");
    }

    void editForm(Exchange x) {
        long id = x.pathParamAsId("id");
        act(x, BASE + "/" + id, () -> agencies.update(x.actor(), id, fields(x)), "saved");
    }

    void managerForm(Exchange x) {
        long id = x.pathParamAsId("id");
        String action = x.formValue("action").orElse("");
        act(x, BASE + "/" + id, () -> {
            long userId = member(x.formValue("member").orElse(""));
            if ("remove".equals(action)) {
                agencies.removeManager(x.actor(), id, userId);
            } else {
                agencies.addManager(x.actor(), id, userId);
            }
        }, "saved");
    }

    void contractForm(Exchange x) {
        long id = x.pathParamAsId("id");
        act(x, BASE + "/" + id, () -> contracts.create(x.actor(), id, member(x.formValue("member").orElse("")),
                x.formValue("startsOn").orElse(""), x.formValue("endsOn").orElse(""), percent(x)), "saved");
    }

    void contractActionForm(Exchange x) {
        Contract c = contracts.find(x.pathParamAsId("id"));
        String action = x.formValue("action").orElse("");
        act(x, BASE + "/" + c.agencyId(), () -> {
            switch (action) {
                case "renew" -> contracts.renew(x.actor(), c.id(), x.formValue("endsOn").orElse(""),
                        x.formValue("sharePercent").filter(s -> !s.isBlank()).map(s -> percent(x)).orElse(null));
                case "terminate" -> contracts.terminate(x.actor(), c.id(), x.formValue("reason").orElse(""));
                default -> throw KindredException.invalidField("The field 'action' must be renew or terminate.");
            }
        }, "saved");
    }

    void termsForm(Exchange x) {
        Contract c = contracts.find(x.pathParamAsId("id"));
        act(x, BASE + "/" + c.agencyId(), () -> contracts.uploadTerms(x.actor(), c.id(),
                x.file("terms").orElseThrow(() -> KindredException.missingField("terms"))), "saved");
    }

    void terms(Exchange x) {
        ContractStore.Terms t = contracts.terms(x.pathParamAsId("id"));
        x.download(t.fileName(), t.contentType(), t.bytes());
    }

    void settleForm(Exchange x) {
        long id = x.pathParamAsId("id");
        act(x, BASE + "/" + id, () -> {
            agencies.find(id);
            Long amount = x.formValue("amount").filter(s -> !s.isBlank()).map(s -> {
                try {
                    return Long.parseLong(s.strip());
                } catch (NumberFormatException e) {
                    throw KindredException.invalidField("The field 'amount' must be a whole number of minor units.");
                }
            }).orElse(null);
            shares.settle(x.actor(), id, amount, x.formValue("reference").orElse(""), null);
        }, "settled");
    }

    private AgencyStore.Fields fields(Exchange x) {
        return new AgencyStore.Fields(x.formValue("name").orElse(""), x.formValue("contactPerson").orElse(""),
                x.formValue("contactPhone").orElse(""), x.formValue("contactEmail").orElse(""),
                x.formValue("status").orElse("active"), x.formValue("notes").orElse(""));
    }

    private static BigDecimal percent(Exchange x) {
        try {
            return new BigDecimal(x.formValue("sharePercent").orElse("").strip());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("The field 'sharePercent' must be a percentage from 0 to 100 with at most two decimals.");
        }
    }

    private Map<String, Object> messages(Exchange x) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("error", x.query("error").orElse(null));
        model.put("tab", "agencies");
        model.put("notice", x.query("notice").filter(n -> n.matches("created|saved|settled")).orElse(null));
        return model;
    }

    private String name(long userId) {
        return ctx.members().find(userId).map(Member::displayName).orElse("#" + userId);
    }

    /** @return the member named by id or email in a form field */
    private long member(String idOrEmail) {
        String v = idOrEmail.strip();
        Optional<Member> m = v.matches("[0-9]{1,18}") ? ctx.members().find(Long.parseLong(v)) : ctx.members().findByEmail(v);
        return m.orElseThrow(() -> KindredException.notFound("There is no member '" + v + "'.")).id();
    }

    private static void act(Exchange x, String back, Runnable action, String notice) {
        try {
            action.run();
        } catch (KindredException e) {
            x.redirect(back + "?error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8));
            return;
        }
        x.redirect(back + "?notice=" + notice);
    }
}
