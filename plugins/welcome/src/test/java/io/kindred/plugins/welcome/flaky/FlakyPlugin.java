package io.kindred.plugins.welcome.flaky;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;

import java.time.Duration;
import java.util.Map;

/**
 * A plugin that declares something of every kind, then one declaration that the host refuses at the step named
 * by the system property {@code flaky.failAt} (services, routes, jobs, assets, widgets). Its event handler and its
 * job count their runs in system properties, so a test sees whether anything of a failed start stayed alive.
 */
public final class FlakyPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        String failAt = System.getProperty("flaky.failAt", "");
        if (failAt.equals("migrations")) {
            ctx.migrations("db/flaky");
        }
        ctx.provide(Greeter.class, () -> "hi");
        if (failAt.equals("services")) {
            provideAnything(ctx, String.class, "a class is no service type");
        }
        ctx.routes().get("/api/v1/flaky/ping", Access.PUBLIC, x -> x.json(Map.of("pong", true)));
        if (failAt.equals("routes")) {
            ctx.routes().get("/api/v1/me", Access.PUBLIC, x -> x.json(Map.of()));
        }
        ctx.on("user.registered", "count", (event, tx) -> bump("flaky.handled"));
        ctx.job("tick", Schedule.every(Duration.ofSeconds(1)), now -> {
            bump("flaky.ticks");
            return 1;
        });
        if (failAt.equals("jobs")) {
            ctx.job("tick", Schedule.every(Duration.ofSeconds(1)), now -> 0);
        }
        if (failAt.equals("assets")) {
            ctx.assets("assets");
            ctx.stylesheet("css/missing.css");
        }
        ctx.nav(NavEntry.member("flaky.nav", "/flaky", 95));
        ctx.widget(new Widget("flaky", "flaky/widget", 95, viewer -> Map.of()));
        if (failAt.equals("widgets")) {
            ctx.widget(new Widget("flaky", "flaky/widget", 96, viewer -> Map.of()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void provideAnything(PluginContext ctx, Class type, Object value) {
        ctx.provide(type, value);
    }

    private static synchronized void bump(String property) {
        System.setProperty(property, String.valueOf(Long.getLong(property, 0) + 1));
    }

    /** A kindred-api-free service of the plugin's own jar. */
    public interface Greeter {
        String greet();
    }
}
