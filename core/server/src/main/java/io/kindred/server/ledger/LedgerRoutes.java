package io.kindred.server.ledger;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.Transfer;
import io.kindred.api.ledger.TransferRequest;
import io.kindred.api.web.Access;
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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Balances and history for members; adjustments and the invariant check for operators. */
public final class LedgerRoutes implements Consumer<CoreRouting> {

    record AdjustmentBody(Long userId, String asset, Long amount, String reason) {
    }

    private final Database db;
    private final LedgerService ledger;
    private final Invariants invariants;
    private final UserStore users;
    private final Auth auth;

    public LedgerRoutes(Database db, LedgerService ledger, Invariants invariants, UserStore users, Auth auth) {
        this.db = db;
        this.ledger = ledger;
        this.invariants = invariants;
        this.users = users;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/me/balances", Access.MEMBER, ctx -> balances(ctx, self(ctx)));
        r.get("/api/v1/me/ledger", Access.MEMBER, ctx -> history(ctx, self(ctx)));
        r.get("/api/v1/admin/users/{id}/balances", Access.OPERATOR, ctx -> balances(ctx, userParam(ctx)));
        r.get("/api/v1/admin/users/{id}/ledger", Access.OPERATOR, ctx -> history(ctx, userParam(ctx)));
        r.post("/api/v1/admin/ledger/adjustments", Access.OPERATOR, this::postAdjustment);
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
        AdjustmentBody b = Bodies.read(Json.CORE, ctx.body(), AdjustmentBody.class);
        Principal who = auth.principal(ctx).orElseThrow();
        Adjusted result = adjust(new Adjustment(who, b.userId(), b.asset(), b.amount(), b.reason(),
                Params.idempotencyKey(ctx).orElse(null)));
        Map<String, Object> t = transferJson(result.transfer());
        t.put("userId", result.userId());
        t.put("signedAmount", result.signedAmount());
        t.put("balance", result.balance());
        ctx.status(result.transfer().replayed() ? 200 : 201).contentType("application/json")
                .result(Json.write(Map.of("transfer", t)));
    }

    /**
     * An operator's correction of a member's balance, as asked for.
     *
     * @param actor          who asks (a session's member or an API key)
     * @param userId         the member
     * @param asset          e.g. {@code points}
     * @param amount         positive credits the member, negative debits
     * @param reason         shown to the member in their history
     * @param idempotencyKey the caller's key, or null for a one-off
     */
    public record Adjustment(Principal actor, Long userId, String asset, Long amount, String reason,
                             String idempotencyKey) {
    }

    /** An adjustment as posted; {@code transfer().replayed()} when its key had been used before. */
    public record Adjusted(Transfer transfer, long userId, long signedAmount, long balance) {
    }

    /**
     * Checks and posts an adjustment: one transfer between the member and the system account
     * {@code adjustments}. The API ({@code POST /api/v1/admin/ledger/adjustments}) and the console both
     * go through here.
     */
    public Adjusted adjust(Adjustment a) {
        if (a.userId() == null) {
            throw KindredException.missingField("userId");
        }
        if (a.asset() == null || a.asset().isBlank()) {
            throw KindredException.missingField("asset");
        }
        if (a.amount() == null) {
            throw KindredException.missingField("amount");
        }
        if (a.amount() == 0) {
            throw KindredException.invalidField("The amount must not be zero: positive credits, negative debits.");
        }
        if (a.amount() > Bodies.MAX_AMOUNT || a.amount() < -Bodies.MAX_AMOUNT) {
            throw KindredException.invalidField("The amount must be between -" + Bodies.MAX_AMOUNT + " and " + Bodies.MAX_AMOUNT + ".");
        }
        if (a.reason() == null || a.reason().isBlank()) {
            throw KindredException.missingField("reason");
        }
        String reason = a.reason().strip();
        if (reason.length() > 200) {
            throw KindredException.invalidField("The reason must be at most 200 characters.");
        }
        ledger.assets().require(a.asset());
        long userId = a.userId();
        if (users.byId(userId).isEmpty()) {
            throw new KindredException(404, "user_not_found", "There is no member " + userId + ".");
        }
        Principal who = a.actor();
        String actor = who.isApiKey() ? "apikey:" + who.apiKey() : "user:" + who.member().id();
        String key = a.idempotencyKey() != null ? "adjustment:" + a.idempotencyKey() : "adjustment:" + UUID.randomUUID();
        AccountRef member = AccountRef.member(userId);
        AccountRef system = AccountRef.system("adjustments");
        long amount = Math.abs(a.amount());
        TransferRequest req = a.amount() > 0
                ? new TransferRequest(a.asset(), system, member, amount, reason, "adjustment:" + actor, key)
                : new TransferRequest(a.asset(), member, system, amount, reason, "adjustment:" + actor, key);
        return db.write(h -> {
            Transfer t = ledger.transfer(h, req);
            return new Adjusted(t, userId, a.amount(), ledger.balance(h, userId, a.asset()));
        });
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
