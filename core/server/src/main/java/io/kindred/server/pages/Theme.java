package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.web.Cacheable;
import io.kindred.server.web.WebJars;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The active theme: renders Pebble templates (autoescaping on, cached unless {@code --dev}) and serves
 * its static assets. Templates call {@code t('key', args...)} for every text.
 */
public final class Theme {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"), Map.entry("gif", "image/gif"), Map.entry("woff2", "font/woff2"),
            Map.entry("ico", "image/x-icon"), Map.entry("map", "application/json"));

    private final SiteSettings settings;
    private final Path themesDir;
    private final UiRegistry ui;
    private final Messages messages;
    private final java.time.Clock clock;
    private final boolean dev;
    private final io.kindred.server.web.PluginAssets pluginAssets;
    private final Map<String, String> assetUrls = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile PebbleEngine engine;
    private volatile String engineTheme;

    public Theme(SiteSettings settings, Path themesDir, UiRegistry ui, Messages messages, boolean dev,
                 io.kindred.server.web.PluginAssets pluginAssets, java.time.Clock clock) {
        this.clock = clock;
        this.pluginAssets = pluginAssets;
        this.settings = settings;
        this.themesDir = themesDir;
        this.ui = ui;
        this.messages = messages;
        this.dev = dev;
        ui.onChange(this::clear);
    }

    public Messages messages() {
        return messages;
    }

    public String active() {
        String t = settings.raw("site.theme").orElse("default");
        return t.matches("[a-z0-9][a-z0-9_-]{0,40}") ? t : "default";
    }

    /** Drops compiled templates and asset fingerprints (theme switched, plugin started or stopped). */
    public void clear() {
        engine = null;
        assetUrls.clear();
    }

    private PebbleEngine engine() {
        PebbleEngine e = engine;
        String theme = active();
        if (e == null || !theme.equals(engineTheme)) {
            e = new PebbleEngine.Builder()
                    .loader(new ThemeLoader(themesDir, this::active, ui))
                    .extension(new AbstractExtension() {
                        @Override
                        public Map<String, Function> getFunctions() {
                            return Map.of("t", new Translate(messages), "asset", new AssetUrl(pluginAssets),
                                    "themeAsset", new ThemeAssetUrl(Theme.this), "webjar", new WebJarUrl());
                        }

                        @Override
                        public Map<String, io.pebbletemplates.pebble.extension.Filter> getFilters() {
                            return Map.of("when", new WhenFilter(settings::zone, clock, messages));
                        }
                    })
                    .autoEscaping(true)
                    .strictVariables(false)
                    .cacheActive(!dev)
                    .build();
            engine = e;
            engineTheme = theme;
        }
        return e;
    }

    public String render(String template, Map<String, Object> model, Locale locale) {
        try {
            PebbleTemplate t = engine().getTemplate(template);
            StringWriter out = new StringWriter();
            t.evaluate(out, model, locale);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The active theme's {@code theme.properties} (name, version, description, author). */
    public Properties info() {
        Properties p = new Properties();
        Path custom = themesDir.resolve(active()).resolve("theme.properties");
        try (InputStream in = Files.isRegularFile(custom) ? Files.newInputStream(custom)
                : Theme.class.getClassLoader().getResourceAsStream("themes/default/theme.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Themes present in {@code <data>/themes} plus the bundled default. */
    public List<String> available() {
        List<String> names = new ArrayList<>(List.of("default"));
        try (var dirs = Files.list(themesDir)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> n.matches("[a-z0-9][a-z0-9_-]{0,40}") && !n.equals("default")).sorted().forEach(names::add);
        } catch (IOException ignored) {
            // no themes folder yet
        }
        return names;
    }

    /**
     * Serves {@code /assets/<file>} from the active theme, then the bundled theme. The fingerprinted name that
     * {@code themeAsset('kindred.css')} gives ({@code kindred.3f2a9c1b0d.css}) is kept a year; the plain name an hour.
     */
    public void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        if (!name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
            throw KindredException.notFound("There is no asset " + name + ".");
        }
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        byte[] bytes = readAsset(name);
        if (bytes != null) {
            Cacheable.send(ctx, type, dev ? Cacheable.REVALIDATE : "public, max-age=3600", bytes);
            return;
        }
        Cacheable.Fingerprint f = Cacheable.parse(name).orElseThrow(() -> KindredException.notFound("There is no asset " + name + "."));
        bytes = readAsset(f.plainName());
        if (bytes == null || !Cacheable.hash(bytes).equals(f.hash())) {
            throw KindredException.notFound("There is no asset " + name + ".");
        }
        Cacheable.send(ctx, type, Cacheable.IMMUTABLE, bytes);
    }

    /** @return the bytes of the active theme's static file, else the bundled theme's; null when neither has it */
    private byte[] readAsset(String name) throws IOException {
        Path custom = themesDir.resolve(active()).resolve("static").resolve(name);
        if (Files.isRegularFile(custom)) {
            return Files.readAllBytes(custom);
        }
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream("themes/default/static/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** @return {@code /assets/kindred.3f2a9c1b0d.css} for {@code kindred.css}; the plain URL in --dev or when missing */
    String assetUrl(String name) {
        if (dev || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            return "/assets/" + name;
        }
        return assetUrls.computeIfAbsent(active() + "/" + name, k -> {
            try {
                byte[] bytes = readAsset(name);
                return bytes == null ? "/assets/" + name : "/assets/" + Cacheable.fingerprinted(name, Cacheable.hash(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** @return the static files of started plugins, for the pages' heads */
    public io.kindred.server.web.PluginAssets pluginAssets() {
        return pluginAssets;
    }

    /**
     * {@code asset('checkin', 'css/checkin.css')}: the fingerprinted URL of a started plugin's asset, or an empty
     * string when the plugin is not started or ships no such file.
     */
    private record AssetUrl(io.kindred.server.web.PluginAssets assets) implements Function {

        @Override
        public List<String> getArgumentNames() {
            return List.of("plugin", "path");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            return assets.url(String.valueOf(args.get("plugin")), String.valueOf(args.get("path"))).orElse("");
        }
    }

    /** {@code themeAsset('kindred.css')}: the fingerprinted URL of the active theme's static file (kept a year). */
    private record ThemeAssetUrl(Theme theme) implements Function {

        @Override
        public List<String> getArgumentNames() {
            return List.of("name");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            return theme.assetUrl(String.valueOf(args.get("name")));
        }
    }

    /** {@code webjar('htmx.org', 'dist/htmx.min.js')}: the versioned URL of a WebJar's file (kept a year). */
    private record WebJarUrl() implements Function {

        @Override
        public List<String> getArgumentNames() {
            return List.of("lib", "path");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            return WebJars.url(String.valueOf(args.get("lib")), String.valueOf(args.get("path")));
        }
    }

    /** {@code t('key', arg0, arg1, ...)}: the text for a key in the page's language. */
    private record Translate(Messages messages) implements Function {

        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            Object key = args.get("0");
            List<Object> rest = new ArrayList<>();
            for (int i = 1; args.containsKey(String.valueOf(i)); i++) {
                rest.add(args.get(String.valueOf(i)));
            }
            return messages.get(context.getLocale(), String.valueOf(key), rest.toArray());
        }
    }
}
