package io.kindred.server.privacy;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.KindredException;
import io.kindred.server.pages.Views;
import io.kindred.server.plugins.PluginRoutes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /console/legal}: the current terms and privacy notice, how many members accepted them, and a new version. */
final class LegalConsole {

    private final Views views;
    private final PrivacyRoutes.Services s;

    LegalConsole(Views views, PrivacyRoutes.Services services) {
        this.views = views;
        this.s = services;
    }

    void page(Context ctx, String error) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String doc : LegalTexts.DOCUMENTS) {
            Map<String, Object> d = new HashMap<>();
            d.put("code", doc);
            d.put("title", views.t(ctx, "legal." + doc + ".title"));
            LegalTexts.Text en = s.texts().current(doc, Locale.ENGLISH).orElse(null);
            d.put("version", en == null ? 0 : en.version());
            d.put("publishedBy", en == null ? "—" : en.publishedBy());
            d.put("publishedAt", en == null ? null : en.publishedAt());
            d.put("en", en == null ? "" : en.body());
            d.put("zh", s.texts().current(doc, Locale.SIMPLIFIED_CHINESE).filter(t -> t.locale().equals("zh-CN"))
                    .map(LegalTexts.Text::body).orElse(""));
            long[] acceptance = s.consents().acceptance(doc);
            d.put("accepted", acceptance[0]);
            d.put("members", acceptance[1]);
            documents.add(d);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("documents", documents);
        if (error != null) {
            m.put("error", error);
            ctx.status(400);
        }
        views.page(ctx, "console/legal", m);
    }

    void publish(Context ctx) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("en", ctx.formParam("en"));
        bodies.put("zh-CN", ctx.formParam("zh-CN"));
        try {
            s.texts().publish(PluginRoutes.actor(ctx, s.auth()), ctx.pathParam("document"), bodies);
            ctx.redirect("/console/legal?notice=legal_published", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            page(ctx, views.errorText(ctx, e));
        }
    }
}
