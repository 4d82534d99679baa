package io.kindred.server.ledger;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.Transfer;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Params;
import io.kindred.server.web.Principal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Balances and history for members; adjustments and the invariant check for operators. */
public final class LedgerRoutes implements Consumer<CoreRouting> {

    record AdjustmentBody(Long userId, String asset, Long amount, String reason) {
    }

    private final LedgerService ledger;
    private final Adjustments adjustments;
    private final Invariants invariants;
    private final UserStore users;
    private final Auth auth;

    public LedgerRoutes(LedgerService ledger, Adjustments adjustments, Invariants invariants, UserStore users, Auth auth) {
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.invariants = invariants;
        this.users = users;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/me/balances", Access.MEMBER, ctx -> balances(ctx, self(ctx)));
        r.get("/api/v1/me/ledger", Access.MEMBER, ctx -> history(ctx, self(ctx)));
        r.scoped(Scope.MEMBERS_READ).get("/api/v1/admin/users/{id}/balances", Access.OPERATOR, ctx -> balances(ctx, userParam(ctx)));
        r.scoped(Scope.MEMBERS_READ).get("/api/v1/admin/users/{id}/ledger", Access.OPERATOR, ctx -> history(ctx, userParam(ctx)));
        r.scoped(Scope.LEDGER_WRITE).post("/api/v1/admin/ledger/adjustments", Access.OPERATOR, this::postAdjustment);
        r.get("/api/v1/admin/ledger/check", Access.OPERATOR, ctx -> {
            List<String> problems = invariants.check();
            ctx.contentType("application/json").result(Json.write(Map.of("ok", problems.isEmpty(), "problems", problems)));
        });
    }

    private long self(Context ctx) {
        Principal p = auth.principal(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        if (p.isApiKey()) {
            throw KindredException.forbidden("An API key is not a member.");
        }
        return p.member().id();
    }

    private long userParam(Context ctx) {
        return MemberIds.existing(ctx, users);
    }

    private void balances(Context ctx, long userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("balances", ledger.balances(userId));
        body.put("expiring", ledger.upcomingExpiry(userId));
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void history(Context ctx, long userId) {
        PageRequest page = Params.page(ctx, 20, 100);
        String asset = Params.query(ctx, "asset").orElse(null);
        if (asset != null) {
            ledger.assets().require(asset);
        }
        List<LedgerService.HistoryItem> rows = ledger.history(userId, asset, page.before(), page.limit());
        ctx.contentType("application/json").result(Json.write(Page.of(rows, page, LedgerService.HistoryItem::id).map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("asset", e.asset());
            m.put("amount", e.amount());
            m.put("balanceAfter", e.balanceAfter());
            m.put("reason", e.reason());
            m.put("reference", e.reference());
            m.put("createdAt", e.createdAt());
            m.put("expiresAt", e.expiresAt());
            return m;
        })));
    }

    private void postAdjustment(Context ctx) {
        AdjustmentBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), AdjustmentBody.class);
        // a body missing several fields names them in the contract's order: userId, asset, amount, reason
        if (b.userId() == null) {
            throw KindredException.missingField("userId");
        }
        if (b.asset() == null || b.asset().isBlank()) {
            throw KindredException.missingField("asset");
        }
        if (b.amount() == null) {
            throw KindredException.missingField("amount");
        }
        Principal who = auth.principal(ctx).orElseThrow();
        Adjustments.Adjusted result = adjustments.adjust(new Adjustments.Adjustment(b.userId(), b.asset(), b.amount(),
                b.reason(), who.actor(), Params.idempotencyKey(ctx).orElse(null)));
        Map<String, Object> t = transferJson(result.transfer());
        t.put("userId", result.userId());
        t.put("signedAmount", result.signedAmount());
        t.put("balance", result.balance());
        ctx.status(result.transfer().replayed() ? 200 : 201).contentType("application/json")
                .result(Json.write(Map.of("transfer", t)));
    }

    static Map<String, Object> transferJson(Transfer t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("asset", t.asset());
        m.put("amount", t.amount());
        m.put("from", account(t.from()));
        m.put("to", account(t.to()));
        m.put("reason", t.reason());
        m.put("reference", t.reference());
        m.put("createdAt", t.createdAt());
        return m;
    }

    private static String account(AccountRef a) {
        return a.isMember() ? "member:" + a.userId() : "system:" + a.systemName();
    }
}
