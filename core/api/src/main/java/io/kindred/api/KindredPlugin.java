package io.kindred.api;

import org.pf4j.Plugin;

/**
 * The entry class of a Kindred plugin: name it as {@code Plugin-Class} in the jar's manifest.
 *
 * <p>A plugin's whole contribution is declared in {@link #contribute(PluginContext)}, which reads like a
 * table of contents. The host calls it each time the plugin starts and undoes everything it registered
 * when the plugin stops, so a plugin never has to clean up after itself.
 *
 * <pre>{@code
 * public final class WelcomePlugin extends KindredPlugin {
 *     public void contribute(PluginContext ctx) {
 *         ctx.migrations("db/welcome");
 *         ctx.on("user.registered", "grant-bonus", new WelcomeBonus(ctx));
 *         ctx.routes().get("/api/v1/welcome/status", Access.MEMBER, new StatusRoute(ctx));
 *     }
 * }
 * }</pre>
 */
public abstract class KindredPlugin extends Plugin {

    /**
     * Declares what this plugin adds to the platform. Called on every start, with a fresh context.
     *
     * @param ctx the plugin's window onto the platform
     */
    public abstract void contribute(PluginContext ctx);
}
