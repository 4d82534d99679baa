package io.kindred.server.connectors;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.pages.Views;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;
import io.kindred.server.web.Principal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/connectors} (admins): per shop, enable it, set its secret (stored, then only shown masked), the URL
 * to paste into the shop's admin; per shop, its delivery log with each push's outcome, and a replay of a push that
 * matched no member or failed.
 */
public final class ConsoleConnectors implements Consumer<CoreRouting> {

    static final int PAGE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Views views;
    private final Connectors connectors;
    private final SiteSettings settings;

    public ConsoleConnectors(Views views, Connectors connectors, SiteSettings settings) {
        this.views = views;
        this.connectors = connectors;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/connectors", Access.ADMIN, ctx -> list(ctx, null, Map.of()));
        r.post("/console/connectors/{shop}", Access.ADMIN, this::save);
        r.get("/console/connectors/{shop}", Access.ADMIN, this::log);
        r.post("/console/connectors/deliveries/{id}/replay", Access.ADMIN, this::replay);
    }

    private void list(Context ctx, Shop failed, Map<String, Object> extra) {
        List<Map<String, Object>> items = java.util.Arrays.stream(Shop.values()).map(shop -> {
            Map<String, Object> m = new LinkedHashMap<>(connectors.settings(shop).json());
            m.put("url", baseUrl(ctx) + ConnectorRoutes.PATH + shop.id());
            m.put("failed", shop == failed);
            return m;
        }).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("connectors", items);
        model.put("logDays", settings.intValue(Connectors.LOG_DAYS, 30));
        model.putAll(extra);
        views.page(ctx, "console/connectors", model);
    }

    private void save(Context ctx) {
        Shop shop = Shop.of(ctx.pathParam("shop"));
        boolean enabled = "on".equals(ctx.formParam("enabled")) || "true".equals(ctx.formParam("enabled"));
        try {
            connectors.configure(shop, enabled, ctx.formParam("secret"), ctx.formParam("clientId"), actor(ctx));
            ctx.redirect("/console/connectors?notice=connectors_saved", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            ctx.status(e.status() >= 500 ? 400 : e.status());
            list(ctx, shop, Map.of("error", views.errorText(ctx, e)));
        }
    }

    private void log(Context ctx) {
        Shop shop = Shop.of(ctx.pathParam("shop"));
        PageRequest page = Params.page(ctx, PAGE);
        ZoneId zone = settings.zone();
        Page<Map<String, Object>> deliveries = Page.of(connectors.deliveries(shop, page.before(), page.limit()), page,
                ConnectorDelivery::id).map(d -> {
            Map<String, Object> m = new LinkedHashMap<>(d.json());
            m.put("when", WHEN.format(d.receivedAt().atZone(zone)));
            return m;
        });
        Map<String, Object> model = new HashMap<>();
        model.put("connector", connectors.settings(shop).json());
        model.put("url", baseUrl(ctx) + ConnectorRoutes.PATH + shop.id());
        model.put("deliveries", deliveries.items());
        model.put("nextCursor", deliveries.nextCursor());
        views.page(ctx, "console/connector", model);
    }

    private void replay(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new KindredException(CoreError.CONNECTOR_DELIVERY_NOT_FOUND, "There is no delivery " + ctx.pathParam("id") + ".");
        }
        ConnectorDelivery d = connectors.delivery(id);
        Connectors.Outcome o = connectors.replay(id, actor(ctx));
        ctx.redirect("/console/connectors/" + d.shop().id() + "?notice=connectors_replayed_" + o.outcome(), HttpStatus.SEE_OTHER);
    }

    private String actor(Context ctx) {
        return views.principal(ctx).map(Principal::actor).orElse("unknown");
    }

    private String baseUrl(Context ctx) {
        return settings.raw("site.url").map(u -> u.replaceAll("/+$", ""))
                .orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }
}
