package io.kindred.dist.memo;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Access;

import java.util.Map;

/**
 * A third-party plugin as an operator installs it into a running kindred.jar: one table, a route to add a memo and
 * one to list them. {@link io.kindred.dist.PluginInstallJarIT} packs it into jars of several versions.
 */
public final class MemoPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.migrations("db/memo");
        ctx.routes().post("/api/v1/memo", Access.MEMBER, x -> {
            String text = String.valueOf(x.body(Map.class).get("text"));
            long userId = x.requireMember().id();
            ctx.db().write(h -> h.createUpdate("INSERT INTO memo_notes(user_id, text) VALUES (:u, :t)")
                    .bind("u", userId).bind("t", text).execute());
            x.json(201, Map.of("memo", Map.of("text", text)));
        });
        ctx.routes().get("/api/v1/memo", Access.MEMBER, x -> {
            long userId = x.requireMember().id();
            x.json(Map.of("items", ctx.db().read(h -> h.createQuery("SELECT text FROM memo_notes WHERE user_id = :u ORDER BY id")
                    .bind("u", userId).mapTo(String.class).list()), "version", ctx.pluginVersion()));
        });
    }
}
