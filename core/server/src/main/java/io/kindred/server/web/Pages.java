package io.kindred.server.web;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.server.config.SiteSettings;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders pages with Pebble (autoescaping on) and serves theme assets. Lookup order: the active theme in
 * {@code <data>/themes/<name>/}, then the bundled default theme.
 */
public final class Pages implements Renderer, Errors.ErrorPage {

    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "jpg", "image/jpeg",
            "woff2", "font/woff2", "ico", "image/x-icon");

    private final SiteSettings settings;
    private final Path themesDir;
    private volatile PebbleEngine engine;
    private volatile String engineTheme;

    public Pages(SiteSettings settings, Path themesDir) {
        this.settings = settings;
        this.themesDir = themesDir;
    }

    private String activeTheme() {
        String t = settings.raw("site.theme").orElse("default");
        return t.matches("[a-z0-9][a-z0-9_-]{0,40}") ? t : "default";
    }

    private PebbleEngine engine() {
        String theme = activeTheme();
        PebbleEngine e = engine;
        if (e == null || !theme.equals(engineTheme)) {
            List<Loader<?>> loaders = new ArrayList<>();
            Path dir = themesDir.resolve(theme).resolve("templates");
            if (!theme.equals("default") && Files.isDirectory(dir)) {
                FileLoader file = new FileLoader(dir.toString());
                file.setSuffix(".peb");
                loaders.add(file);
            }
            ClasspathLoader bundled = new ClasspathLoader(Pages.class.getClassLoader());
            bundled.setPrefix("themes/default/templates");
            bundled.setSuffix(".peb");
            loaders.add(bundled);
            e = new PebbleEngine.Builder().loader(new DelegatingLoader(loaders)).autoEscaping(true)
                    .strictVariables(false).build();
            engine = e;
            engineTheme = theme;
        }
        return e;
    }

    @Override
    public String render(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> vars = new HashMap<>(model);
        vars.put("siteName", settings.siteName());
        vars.putIfAbsent("lang", "en");
        try {
            PebbleTemplate t = engine().getTemplate(template);
            StringWriter out = new StringWriter();
            t.evaluate(out, vars);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String render(Context ctx, int status, String code, String message) {
        try {
            return render(ctx, "error", Map.of("status", status, "code", code, "message", message));
        } catch (RuntimeException e) {
            return "<!doctype html><title>" + status + "</title><p>" + status + "</p>";
        }
    }

    /** Serves {@code /assets/<file>} from the active theme, then the bundled theme. */
    public void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        if (!name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
            throw KindredException.notFound("There is no asset " + name + ".");
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        Path custom = themesDir.resolve(activeTheme()).resolve("static").resolve(name);
        byte[] bytes = null;
        if (Files.isRegularFile(custom)) {
            bytes = Files.readAllBytes(custom);
        } else {
            try (InputStream in = Pages.class.getClassLoader().getResourceAsStream("themes/default/static/" + name)) {
                if (in != null) {
                    bytes = in.readAllBytes();
                }
            }
        }
        if (bytes == null) {
            throw KindredException.notFound("There is no asset " + name + ".");
        }
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.result(bytes);
    }
}
