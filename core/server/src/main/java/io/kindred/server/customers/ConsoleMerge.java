package io.kindred.server.customers;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.pages.Views;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Principal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /console/members/{id}/merge}: an operator names the other member, sees both side by side (contact,
 * balances, spending) and confirms; the merge is {@link MemberMerges#merge}, as the admin API does it.
 */
public final class ConsoleMerge implements Consumer<CoreRouting> {

    private final Views views;
    private final UserStore users;
    private final LedgerService ledger;
    private final MemberMerges merges;
    private final Auth auth;

    public ConsoleMerge(Views views, UserStore users, LedgerService ledger, MemberMerges merges, Auth auth) {
        this.views = views;
        this.users = users;
        this.ledger = ledger;
        this.merges = merges;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/members/{id}/merge", Access.OPERATOR, this::page);
        r.post("/console/members/{id}/merge", Access.OPERATOR, this::merge);
    }

    private void page(Context ctx) {
        UserRow into = member(ctx.pathParam("id"));
        Map<String, Object> model = new HashMap<>();
        model.put("into", summary(into));
        String from = Optional.ofNullable(ctx.queryParam("from")).orElse("").strip();
        model.put("fromText", from);
        if (!from.isEmpty()) {
            try {
                UserRow other = member(from);
                if (other.id() == into.id()) {
                    model.put("error", views.t(ctx, "customers.merge.error.same"));
                } else {
                    model.put("from", summary(other));
                }
            } catch (KindredException e) {
                model.put("error", views.errorText(ctx, e));
            }
        }
        views.page(ctx, "console/merge", model);
    }

    private void merge(Context ctx) {
        UserRow into = member(ctx.pathParam("id"));
        String from = Optional.ofNullable(ctx.formParam("from")).orElse("").strip();
        try {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                throw KindredException.invalidField("Tick the box to confirm the merge.");
            }
            String actor = auth.principal(ctx).map(Principal::label).orElse("unknown");
            merges.merge(actor, into.id(), member(from).id());
            ctx.redirect("/console/members/" + into.id() + "?notice=customers_merged", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            ctx.status(e.status());
            Map<String, Object> model = new HashMap<>();
            model.put("into", summary(into));
            model.put("fromText", from);
            model.put("error", e.code().equals("invalid_field") ? views.t(ctx, "customers.merge.error.confirm")
                    : views.errorText(ctx, e));
            views.page(ctx, "console/merge", model);
        }
    }

    private UserRow member(String id) {
        try {
            long n = Long.parseLong(id.strip().replaceFirst("^#", ""));
            return users.byId(n).orElseThrow(() -> MemberIds.notFound(n));
        } catch (NumberFormatException e) {
            throw MemberIds.notFound(id);
        }
    }

    private Map<String, Object> summary(UserRow u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("displayName", u.displayName());
        m.put("email", u.email());
        m.put("phone", u.phone());
        m.put("status", u.status());
        m.put("totalSpent", new java.math.BigDecimal(u.totalSpent()).movePointLeft(2).toPlainString());
        m.put("balances", ledger.balances(u.id()));
        return m;
    }
}
