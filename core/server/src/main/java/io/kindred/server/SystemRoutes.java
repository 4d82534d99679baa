package io.kindred.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.plugins.PluginHost;
import io.kindred.server.users.Setup;
import io.kindred.server.users.UserRow;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.pages.Theme;
import io.kindred.server.pages.Views;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /healthz}, theme assets and the first-administrator setup. */
final class SystemRoutes implements Consumer<CoreRouting> {

    /** Every field optional here: the setup answers {@code setup_done} before it looks at the body. */
    record SetupBody(Optional<String> token, Optional<String> email, Optional<String> password,
                     Optional<String> displayName, Optional<String> siteUrl) {
    }

    private final String version;
    private final PluginHost host;
    private final Setup setup;
    private final Auth auth;
    private final Theme theme;
    private final Views views;

    private final io.kindred.server.config.SiteSettings settings;

    SystemRoutes(String version, PluginHost host, Setup setup, Auth auth, Theme theme, Views views,
                 io.kindred.server.config.SiteSettings settings) {
        this.settings = settings;
        this.version = version;
        this.host = host;
        this.setup = setup;
        this.auth = auth;
        this.theme = theme;
        this.views = views;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/healthz", Access.PUBLIC, this::health);
        r.get("/assets/{file}", Access.PUBLIC, theme::asset);
        r.get("/setup", Access.PUBLIC, ctx -> setupPage(ctx, Map.of()));
        r.postWithoutCsrf("/setup", Access.PUBLIC, this::setupForm);
        r.postWithoutCsrf("/api/v1/setup", Access.PUBLIC, this::setupJson);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", version);
        body.put("plugins", host.list().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("version", p.version());
            m.put("state", p.state());
            return m;
        }).toList());
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void setupPage(Context ctx, Map<String, Object> model) {
        if (setup.hasAdmin()) {
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> m = new HashMap<>(model);
        m.putIfAbsent("siteUrl", io.kindred.server.config.SiteAddress.suggestion(ctx, settings));
        views.page(ctx, "setup", m);
    }

    private void setupForm(Context ctx) {
        String token = ctx.formParam("token");
        String email = ctx.formParam("email");
        String displayName = ctx.formParam("displayName");
        String siteUrl = Optional.ofNullable(ctx.formParam("siteUrl")).orElse("").strip();
        try {
            if (!siteUrl.isEmpty() && !io.kindred.server.config.SiteAddress.isSiteUrl(siteUrl)) {
                throw KindredException.invalidField(views.t(ctx, "setup.error.siteUrl"));
            }
            UserRow admin = setup.claim(token, email, ctx.formParam("password"), displayName);
            io.kindred.server.config.SiteAddress.rememberSetup(ctx, settings, siteUrl);
            auth.signIn(ctx, admin);
            ctx.redirect("/console", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            if (e.code().equals("setup_done")) {
                ctx.redirect("/signin", HttpStatus.SEE_OTHER);
                return;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("error", e.getMessage());
            model.put("token", token == null ? "" : token);
            model.put("email", email == null ? "" : email);
            model.put("displayName", displayName == null ? "" : displayName);
            model.put("siteUrl", siteUrl);
            ctx.status(e.status());
            setupPage(ctx, model);
        }
    }

    private void setupJson(Context ctx) {
        SetupBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), SetupBody.class);
        String siteUrl = b.siteUrl().orElse("").strip();
        if (!siteUrl.isEmpty() && !io.kindred.server.config.SiteAddress.isSiteUrl(siteUrl)) {
            throw KindredException.invalidField("The field 'siteUrl' must start with http:// or https://.");
        }
        UserRow admin = setup.claim(b.token().orElse(null), b.email().orElse(null), b.password().orElse(null),
                b.displayName().orElse(null));
        io.kindred.server.config.SiteAddress.rememberSetup(ctx, settings, b.siteUrl().orElse(""));
        auth.signIn(ctx, admin);
        ctx.status(201).contentType("application/json").result(Json.write(Map.of("user", admin.toJson())));
    }
}
