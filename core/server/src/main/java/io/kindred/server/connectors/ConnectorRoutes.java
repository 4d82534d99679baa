package io.kindred.server.connectors;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code POST /api/v1/connectors/shopify|woocommerce|youzan}: where shops push orders. Server to server: no
 * session, no API key and no CSRF token; the shop's signature over the raw body is the only credential.
 */
public final class ConnectorRoutes implements Consumer<CoreRouting> {

    public static final String PATH = "/api/v1/connectors/";

    private final Connectors connectors;

    public ConnectorRoutes(Connectors connectors) {
        this.connectors = connectors;
    }

    @Override
    public void accept(CoreRouting r) {
        for (Shop shop : Shop.values()) {
            r.postWithoutCsrf(PATH + shop.id(), Access.PUBLIC, ctx -> receive(ctx, shop));
        }
    }

    private void receive(Context ctx, Shop shop) {
        Push push = new Push(ctx.headerMap(), ctx.contentType(), ctx.bodyAsBytes());
        Connectors.Outcome o = connectors.receive(shop, push);
        ctx.contentType("application/json");
        if (shop == Shop.YOUZAN) {
            // the answer Youzan's push service takes as received; anything else is sent again
            ctx.result(Json.write(Map.of("code", 0, "msg", "success")));
            return;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", o.deliveryId());
        d.put("outcome", o.outcome());
        d.put("orderId", o.orderRef());
        d.put("message", o.message());
        ctx.result(Json.write(Map.of("delivery", d)));
    }
}
