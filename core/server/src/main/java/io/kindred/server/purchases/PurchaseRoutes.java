package io.kindred.server.purchases;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.api.db.Database;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /api/v1/admin/purchases}: the brand's shop reports purchases and refunds (API key). */
public final class PurchaseRoutes implements Consumer<CoreRouting> {

    record ExternalIdBody(String system, String id) {
    }

    record PurchaseBody(Optional<Long> userId, Optional<ExternalIdBody> externalId, Optional<String> email,
                        Optional<String> phone, Optional<String> name, String externalOrderId, long amount,
                        String currency, Optional<String> sku) {

        Buyer buyer() {
            return new Buyer(userId, externalId.map(x -> new Buyer.ExternalRef(x.system(), x.id())), email, phone, name);
        }
    }

    private final Database db;
    private final Purchases purchases;
    private final Buyers buyers;

    public PurchaseRoutes(Database db, Purchases purchases, Buyers buyers) {
        this.db = db;
        this.purchases = purchases;
        this.buyers = buyers;
    }

    @Override
    public void accept(CoreRouting r) {
        r.scoped(Scope.PURCHASES_WRITE).post("/api/v1/admin/purchases", Access.OPERATOR, this::record);
        r.scoped(Scope.PURCHASES_WRITE).post("/api/v1/admin/purchases/{externalOrderId}/refund", Access.OPERATOR, this::refund);
    }

    private void record(Context ctx) {
        PurchaseBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), PurchaseBody.class);
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
        Buyer buyer = b.buyer();
        // One transaction: a customer record created for an unknown buyer exists only with its purchase.
        Purchases.Recorded r = db.write(h -> purchases.record(buyers.resolve(h, buyer), order, b.amount(), currency, sku));
        ctx.status(r.created() ? 201 : 200).contentType("application/json")
                .result(Json.write(Map.of("purchase", r.purchase().toJson())));
    }

    private void refund(Context ctx) {
        Purchases.Purchase p = purchases.refund(ctx.pathParam("externalOrderId"));
        ctx.contentType("application/json").result(Json.write(Map.of("purchase", p.toJson())));
    }
}
