package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.users.ApiKeys;
import io.kindred.server.web.CoreRouting;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/apikeys} (admins): the brand's server-to-server keys, each with its scopes and expiry. A new or
 * rotated key's secret is on the page that answers its creation or rotation and nowhere else (only its hash is
 * kept); rotating and revoking are immediate.
 */
final class ConsoleKeys implements Consumer<CoreRouting> {

    /** The expiries offered on the form, in days ("" is never). */
    private static final List<String> EXPIRY_DAYS = List.of("30", "90", "365");

    private final Views views;
    private final ApiKeys keys;
    private final SiteSettings settings;

    ConsoleKeys(Views views, ApiKeys keys, SiteSettings settings) {
        this.views = views;
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/apikeys", Access.ADMIN, ctx -> page(ctx, Map.of()));
        r.post("/console/apikeys", Access.ADMIN, this::create);
        r.post("/console/apikeys/{name}/rotate", Access.ADMIN, ctx -> {
            ApiKeys.Created rotated = keys.rotate(ctx.pathParam("name")).orElseThrow(() ->
                    KindredException.notFound("There is no active API key named '" + ctx.pathParam("name") + "'."));
            ctx.header("Cache-Control", "no-store");
            page(ctx, Map.of("created", Map.of("name", rotated.key().name(), "secret", rotated.secret(), "rotated", true)));
        });
        r.post("/console/apikeys/{name}/revoke", Access.ADMIN, ctx -> {
            if (!keys.revoke(ctx.pathParam("name"))) {
                throw KindredException.notFound("There is no active API key named '" + ctx.pathParam("name") + "'.");
            }
            ConsoleSupport.redirect(ctx, "/console/apikeys", "console_key_revoked");
        });
    }

    private void page(Context ctx, Map<String, Object> extra) {
        ZoneId zone = settings.zone();
        List<Map<String, Object>> rows = keys.list().stream().map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            // a revoked key's name carries '#<id>' once the name is reused: show the name it had
            m.put("name", k.revokedAt() != null && k.name().contains("#") ? k.name().substring(0, k.name().lastIndexOf('#')) : k.name());
            m.put("pathName", k.name());
            m.put("prefix", "kdk_" + k.prefix() + "_…");
            m.put("created", ConsoleSupport.when(k.createdAt(), zone));
            m.put("lastUsed", ConsoleSupport.when(k.lastUsedAt(), zone));
            m.put("lastUsedAddress", k.lastUsedAddress());
            m.put("scopes", k.scopes());
            m.put("expires", ConsoleSupport.when(k.expiresAt(), zone));
            m.put("expired", k.expiresAt() != null && !k.expiresAt().isAfter(java.time.Instant.now()));
            m.put("revoked", ConsoleSupport.when(k.revokedAt(), zone));
            m.put("active", k.revokedAt() == null);
            return m;
        }).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("keys", rows);
        model.put("name", "");
        model.put("scopes", java.util.Arrays.stream(io.kindred.api.web.Scope.values()).map(io.kindred.api.web.Scope::code).toList());
        model.put("chosen", List.of());
        model.put("expiries", EXPIRY_DAYS);
        model.putAll(extra);
        views.page(ctx, "console/apikeys", model);
    }

    private void create(Context ctx) {
        String name = ConsoleSupport.field(ctx, "name");
        List<String> chosen = ctx.formParams("scope");
        try {
            String days = ConsoleSupport.field(ctx, "expires");
            if (!days.isEmpty() && !EXPIRY_DAYS.contains(days)) {
                throw KindredException.invalidField("Choose an expiry from the list.");
            }
            java.time.Instant expires = days.isEmpty() ? null : java.time.Instant.now().plus(java.time.Duration.ofDays(Long.parseLong(days)));
            ApiKeys.Created created = keys.create(name, ApiKeys.scopes(chosen), expires);
            // the secret is in this answer only: no cache may keep it
            ctx.header("Cache-Control", "no-store");
            page(ctx, Map.of("created", Map.of("name", created.key().name(), "secret", created.secret())));
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            page(ctx, Map.of("name", name, "chosen", chosen, "error", views.messages().find(views.locale(ctx), "console.error.key_" + e.code())
                    .orElse(views.errorText(ctx, e))));
        }
    }
}
