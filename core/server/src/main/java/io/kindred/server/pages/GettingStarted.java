package io.kindred.server.pages;

import io.kindred.server.audit.AuditLog;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.users.Mailer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's getting-started checklist: what a new site still lacks, each step ticking itself as soon as it is
 * done (nothing to tick by hand): the site's name, its public address, a logo, email, the plugins' settings, the
 * brand's existing customers, and the steps started plugins add (kindred-api {@code SetupStep}: the shop's first
 * item). The list leaves the dashboard once every step is done.
 */
final class GettingStarted {

    /** Setting prefixes of the core: a saved key outside them is a plugin's setting. */
    private static final Set<String> CORE_PREFIXES = Set.of("site", "home", "kpis", "purchases", "mail", "http", "session",
            "events", "webhooks", "ledger", "images", "broadcasts", "connectors", "segments", "customers", "db");

    private final SiteSettings settings;
    private final AuditLog audit;
    private final io.kindred.server.ui.UiRegistry ui;

    GettingStarted(SiteSettings settings, AuditLog audit, io.kindred.server.ui.UiRegistry ui) {
        this.settings = settings;
        this.audit = audit;
        this.ui = ui;
    }

    /** @return {@code steps} (each {@code {code, done, link}}), {@code done} and {@code total} */
    Map<String, Object> model() {
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(step("name", !settings.siteName().equals("Kindred"), "/console/settings")); // the default name
        steps.add(step("address", settings.raw("site.url").isPresent(), null));
        steps.add(step("logo", settings.raw("site.logo").isPresent(), "/console/settings"));
        steps.add(step("mail", Mailer.isConfigured(settings), "/console/emails"));
        steps.add(step("plugins", settings.savedKeys().stream().anyMatch(k -> !CORE_PREFIXES.contains(k.split("\\.")[0])),
                "/console/plugins"));
        steps.add(step("import", !audit.list("import:", Long.MAX_VALUE, 1).isEmpty(), "/console/members/import"));
        steps.add(step("legal", !audit.list("legal:", Long.MAX_VALUE, 1).isEmpty(), "/console/legal")); // texts adapted
        for (io.kindred.api.ui.SetupStep s : ui.setupSteps()) {
            Map<String, Object> step = step(s.code().replace('.', '-'), isDone(s), s.link());
            step.put("key", s.labelKey());
            steps.add(step);
        }
        long done = steps.stream().filter(s -> Boolean.TRUE.equals(s.get("done"))).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("done", done);
        m.put("total", steps.size());
        return m;
    }

    private static boolean isDone(io.kindred.api.ui.SetupStep step) {
        try {
            return step.done().getAsBoolean();
        } catch (RuntimeException e) {
            return false; // a plugin's check that fails leaves its step open, and the dashboard up
        }
    }

    private static Map<String, Object> step(String code, boolean done, String link) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("key", "console.start." + code);
        m.put("done", done);
        m.put("link", link);
        return m;
    }
}
