package io.kindred.server.purchases;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.Map;
import java.util.function.Consumer;

/** {@code /api/v1/admin/purchases}: the brand's shop reports purchases and refunds (API key). */
public final class PurchaseRoutes implements Consumer<CoreRouting> {

    record PurchaseBody(Long userId, String email, String externalOrderId, Long amount, String currency, String sku) {
    }

    private final Purchases purchases;
    private final UserStore users;

    public PurchaseRoutes(Purchases purchases, UserStore users) {
        this.purchases = purchases;
        this.users = users;
    }

    @Override
    public void accept(CoreRouting r) {
        r.post("/api/v1/admin/purchases", Access.OPERATOR, this::record);
        r.post("/api/v1/admin/purchases/{externalOrderId}/refund", Access.OPERATOR, this::refund);
    }

    private void record(Context ctx) {
        PurchaseBody b = Bodies.read(Json.CORE, ctx.body(), PurchaseBody.class);
        if (b.externalOrderId() == null || b.externalOrderId().isBlank()) {
            throw KindredException.missingField("externalOrderId");
        }
        String order = b.externalOrderId().trim();
        if (order.length() > 100 || order.contains("/")) {
            throw KindredException.invalidField("The externalOrderId must be at most 100 characters, without '/'.");
        }
        if (b.amount() == null) {
            throw KindredException.missingField("amount");
        }
        if (b.amount() < 0 || b.amount() > Bodies.MAX_AMOUNT) {
            throw KindredException.invalidField("The amount must be from 0 to " + Bodies.MAX_AMOUNT + " (minor units, e.g. cents).");
        }
        if (b.currency() == null || b.currency().isBlank()) {
            throw KindredException.missingField("currency");
        }
        String currency = b.currency().trim().toUpperCase();
        if (!currency.matches("[A-Z]{3}")) {
            throw KindredException.invalidField("The currency must be a three-letter ISO code such as CNY.");
        }
        String sku = b.sku() == null || b.sku().isBlank() ? null : b.sku().trim();
        if (sku != null && sku.length() > 100) {
            throw KindredException.invalidField("The sku must be at most 100 characters.");
        }
        UserRow user;
        if (b.userId() != null) {
            user = users.byId(b.userId()).orElseThrow(() -> new KindredException(404, "user_not_found",
                    "There is no member " + b.userId() + "."));
        } else if (b.email() != null && !b.email().isBlank()) {
            user = users.byEmail(b.email()).orElseThrow(() -> new KindredException(404, "user_not_found",
                    "There is no member with the email " + b.email().trim() + "."));
        } else {
            throw KindredException.missingField("userId");
        }
        Purchases.Recorded r = purchases.record(user.id(), order, b.amount(), currency, sku);
        ctx.status(r.created() ? 201 : 200).contentType("application/json")
                .result(Json.write(Map.of("purchase", r.purchase().toJson())));
    }

    private void refund(Context ctx) {
        Purchases.Purchase p = purchases.refund(ctx.pathParam("externalOrderId"));
        ctx.contentType("application/json").result(Json.write(Map.of("purchase", p.toJson())));
    }
}
