package io.kindred.server.purchases;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /api/v1/admin/purchases}: the brand's shop reports purchases and refunds (API key). */
public final class PurchaseRoutes implements Consumer<CoreRouting> {

    record PurchaseBody(Optional<Long> userId, Optional<String> email, String externalOrderId, long amount, String currency,
                        Optional<String> sku) {
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
        if (b.externalOrderId().isBlank()) {
            throw KindredException.missingField("externalOrderId");
        }
        String order = b.externalOrderId().trim();
        if (order.length() > 100 || order.contains("/")) {
            throw KindredException.invalidField("The externalOrderId must be at most 100 characters, without '/'.");
        }
        if (b.amount() < 0 || b.amount() > Bodies.MAX_AMOUNT) {
            throw KindredException.invalidField("The amount must be from 0 to " + Bodies.MAX_AMOUNT + " (minor units, e.g. cents).");
        }
        if (b.currency().isBlank()) {
            throw KindredException.missingField("currency");
        }
        String currency = b.currency().trim().toUpperCase();
        if (!currency.matches("[A-Z]{3}")) {
            throw KindredException.invalidField("The currency must be a three-letter ISO code such as CNY.");
        }
        String sku = b.sku().map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (sku != null && sku.length() > 100) {
            throw KindredException.invalidField("The sku must be at most 100 characters.");
        }
        UserRow user;
        Optional<String> email = b.email().map(String::trim).filter(e -> !e.isEmpty());
        if (b.userId().isPresent()) {
            user = users.byId(b.userId().get()).orElseThrow(() -> MemberIds.notFound(b.userId().get()));
        } else if (email.isPresent()) {
            user = users.byEmail(email.get()).orElseThrow(() -> MemberIds.notFound("with the email " + email.get()));
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
