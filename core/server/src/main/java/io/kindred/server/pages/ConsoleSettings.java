package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.SettingType;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.web.CoreRouting;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code /console/settings} (admins): the site's name, logo, brand colour, time zone, default language,
 * theme, registration mode and home widget order. Values are saved with {@link SiteSettings#save}; a key set
 * by an environment variable or the command line is shown locked. A new theme applies at once.
 */
final class ConsoleSettings implements Consumer<CoreRouting> {

    /** One editable setting: its key, how it is entered, what it accepts. */
    private record Field(String key, String input, Supplier<List<String>> choices, SettingDefinition<String> def) {
    }

    private final Views views;
    private final SiteSettings settings;
    private final Theme theme;
    private final UiRegistry ui;
    private final ConsoleLogo logo;
    private final List<Field> fields;

    ConsoleSettings(Views views, SiteSettings settings, Theme theme, UiRegistry ui, ConsoleLogo logo) {
        this.views = views;
        this.settings = settings;
        this.theme = theme;
        this.ui = ui;
        this.logo = logo;
        this.fields = List.of(
                new Field("site.name", "text", List::of, SettingDefinition.text("site.name", "Kindred", 80, "Site name")),
                new Field("site.brand-color", "color", List::of, checked("site.brand-color", "#2f6f5e",
                        v -> v.matches("#[0-9a-fA-F]{6}"))),
                new Field("site.timezone", "text", List::of, checked("site.timezone", "UTC", ConsoleSettings::isZone)),
                new Field("site.default-language", "select", () -> List.of("en", "zh-CN"),
                        SettingDefinition.choice("site.default-language", "en", List.of("en", "zh-CN"), "Default language")),
                new Field("site.theme", "select", theme::available,
                        checked("site.theme", "default", v -> theme.available().contains(v))),
                new Field("site.registration", "select", () -> List.of("open", "invite-only"),
                        SettingDefinition.choice("site.registration", "open", List.of("open", "invite-only"), "Registration")),
                new Field("purchases.create-customers", "select", () -> List.of("false", "true"), SettingDefinition.choice(
                        "purchases.create-customers", "false", List.of("false", "true"), "Create customers from purchases")),
                new Field(Menus.MIDDLE_TAB, "select", this::middleTabChoices, checked(Menus.MIDDLE_TAB, "",
                        v -> v.isEmpty() || v.equals("none") || v.matches("/[A-Za-z0-9/_.-]{1,80}"))),
                new Field(io.kindred.server.staff.SecondFactor.REQUIRED, "select", () -> List.of("false", "true"),
                        SettingDefinition.choice(io.kindred.server.staff.SecondFactor.REQUIRED, "false",
                                List.of("false", "true"), "Two-step sign-in required of staff")),
                new Field("home.widgets", "text", List::of, checked("home.widgets", "",
                        v -> v.isEmpty() || v.matches("[A-Za-z0-9._-]{1,60}(,[A-Za-z0-9._-]{1,60})*"))),
                new Field("kpis.point-value", "text", List::of, io.kindred.server.kpis.Kpis.POINT_VALUE),
                new Field("kpis.point-currency", "text", List::of, io.kindred.server.kpis.Kpis.POINT_CURRENCY));
    }

    /** @return the middle tab's choices: automatic, none, and every member menu entry of the started plugins */
    private List<String> middleTabChoices() {
        List<String> choices = new java.util.ArrayList<>(List.of("", "none"));
        ui.nav(io.kindred.api.ui.NavEntry.Place.MEMBER).stream().map(io.kindred.api.ui.NavEntry::path).distinct().forEach(choices::add);
        choices.add("/points");
        return choices;
    }

    /** A text setting accepted when {@code ok} says so; the console shows its own sentence when not. */
    private static SettingDefinition<String> checked(String key, String def, java.util.function.Predicate<String> ok) {
        return new SettingDefinition<>(key, SettingType.TEXT, def, key, text -> {
            if (!ok.test(text)) {
                throw new IllegalArgumentException(key + " is not valid");
            }
            return text;
        }, List.of());
    }

    private static boolean isZone(String v) {
        try {
            ZoneId.of(v);
            return !v.isEmpty();
        } catch (DateTimeException e) {
            return false;
        }
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/settings", Access.ADMIN, ctx -> page(ctx, Map.of(), Map.of()));
        r.post("/console/settings", Access.ADMIN, this::save);
        r.post("/console/settings/logo", Access.ADMIN, this::uploadLogo);
        r.post("/console/settings/logo/remove", Access.ADMIN, ctx -> {
            logo.remove();
            ConsoleSupport.redirect(ctx, "/console/settings", "console_logo_removed");
        });
    }

    /** Environment variable that fixes a key, as {@code Config} reads it. */
    static String envName(String key) {
        return "KINDRED_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private void page(Context ctx, Map<String, String> entered, Map<String, String> errors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Field f : fields) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", f.key());
            m.put("id", f.key().replace('.', '-'));
            m.put("input", f.input());
            m.put("label", views.t(ctx, "console.settings." + f.key() + ".label"));
            m.put("help", views.t(ctx, "console.settings." + f.key() + ".help"));
            m.put("value", entered.getOrDefault(f.key(), settings.raw(f.key()).orElse(f.def().defaultValue())));
            Map<String, String> pages = new java.util.HashMap<>();
            views.memberNav(ctx).forEach(i -> pages.put((String) i.get("path"), (String) i.get("label")));
            m.put("choices", f.choices().get().stream().map(c -> Map.of("value", c, "label", pages.getOrDefault(c,
                    views.messages().find(views.locale(ctx), "console.settings." + f.key() + ".choice." + c)
                            .or(() -> views.messages().find(views.locale(ctx), "console.settings.choice." + (c.isEmpty() ? "automatic" : c)))
                            .orElse(c)))).toList());
            m.put("locked", settings.isForced(f.key()));
            m.put("source", settings.source(f.key()).code());
            m.put("fileValue", settings.fileValue(f.key()).orElse(null));
            m.put("env", envName(f.key()));
            m.put("error", errors.get(f.key()));
            rows.add(m);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("fields", rows);
        model.put("logoLocked", settings.isForced("site.logo"));
        model.put("logoEnv", envName("site.logo"));
        model.put("logoMaxKb", ConsoleLogo.MAX_BYTES / 1024);
        model.put("logoError", errors.get("site.logo"));
        model.put("widgetIds", ui.widgets().stream().map(w -> w.value().id()).toList());
        model.put("themeInfo", theme.info());
        views.page(ctx, "console/settings", model);
    }

    private void save(Context ctx) {
        String reset = ctx.formParam("_reset");
        if (reset != null && fields.stream().anyMatch(f -> f.key().equals(reset))) {
            settings.clearSaved(reset);
            theme.clear();
            ConsoleSupport.redirect(ctx, "/console/settings", "console_settings_reset");
            return;
        }
        Map<String, String> entered = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Field f : fields) {
            if (settings.isForced(f.key()) || ctx.formParam(f.key()) == null) {
                continue;
            }
            String text = normalise(f.key(), ConsoleSupport.field(ctx, f.key()));
            entered.put(f.key(), text);
            try {
                f.def().parse(text);
            } catch (IllegalArgumentException e) {
                errors.put(f.key(), views.t(ctx, "console.settings." + f.key() + ".invalid"));
            }
        }
        if (!errors.isEmpty()) {
            ctx.status(400);
            page(ctx, entered, errors);
            return;
        }
        String themeBefore = theme.active();
        List<SiteSettings.Change> changes = fields.stream().filter(f -> entered.containsKey(f.key()))
                .map(f -> new SiteSettings.Change(f.key(), f.def(), entered.get(f.key()))).toList();
        try {
            settings.saveAll(changes);
        } catch (KindredException e) {
            if (!CoreError.SETTING_LOCKED.code().equals(e.code())) {
                throw e;
            }
            // another admin or a restart locked one meanwhile: nothing was saved
            changes.stream().filter(c -> settings.isForced(c.key()))
                    .forEach(c -> errors.put(c.key(), views.t(ctx, "console.settings.locked", envName(c.key()))));
        }
        if (!theme.active().equals(themeBefore)) {
            theme.clear();
        }
        if (!errors.isEmpty()) {
            ctx.status(409);
            page(ctx, entered, errors);
            return;
        }
        ConsoleSupport.redirect(ctx, "/console/settings", "console_settings_saved");
    }

    private static String normalise(String key, String text) {
        return switch (key) {
            case "site.brand-color" -> text.toLowerCase(Locale.ROOT);
            case "home.widgets" -> String.join(",", text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*")));
            default -> text;
        };
    }

    private void uploadLogo(Context ctx) {
        try {
            logo.replace(ctx.isMultipartFormData() ? ctx.uploadedFile("logo") : null);
            ConsoleSupport.redirect(ctx, "/console/settings", "console_logo_saved");
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            page(ctx, Map.of(), Map.of("site.logo", views.messages().find(views.locale(ctx), "console.error." + e.code())
                    .orElse(views.errorText(ctx, e))));
        }
    }
}
