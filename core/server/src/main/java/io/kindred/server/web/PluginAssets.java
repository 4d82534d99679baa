package io.kindred.server.web;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Static files of started plugins (CSS, JS, images), served under {@code /plugins/{id}/assets/...}. Each file
 * has a fingerprinted URL ({@code css/site.3f2a9c1b0d.css}: a hash of its bytes in the name) that browsers may
 * keep for a year; the plain name works too, revalidated each time. The files are read from the plugin's jar when
 * it starts and dropped when it stops, so nothing keeps its class loader and a disabled plugin's files answer 404.
 */
public final class PluginAssets implements Consumer<CoreRouting> {

    /** The largest file a plugin may ship as an asset. */
    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("map", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"));

    /** One file: its bytes, the fingerprint of its bytes, its content type. */
    private record Asset(byte[] bytes, String hash, String type) {
    }

    /** What one started plugin ships. */
    private record Shipped(Map<String, Asset> files, List<String> styles, List<String> scripts) {
    }

    private final Map<String, Shipped> byOwner = new ConcurrentHashMap<>();

    @Override
    public void accept(CoreRouting r) {
        r.get("/plugins/{id}/assets/<path>", Access.PUBLIC, this::serve);
    }

    /**
     * Reads the files under {@code folder} of a plugin's jar.
     *
     * @param styles  files (relative to the folder) to link from every page's head
     * @param scripts files to load (deferred) on every page
     */
    public void add(String owner, Path jar, String folder, List<String> styles, List<String> scripts) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        Map<String, Asset> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix) || name.length() == prefix.length()) {
                    continue;
                }
                String path = name.substring(prefix.length());
                String type = TYPES.get(extension(path));
                if (type == null || path.contains("..") || path.startsWith("/")) {
                    continue; // only known, harmless types are served
                }
                if (entry.getSize() > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException("its asset " + path + " is larger than 5 MB");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                    files.put(path, new Asset(bytes, Cacheable.hash(bytes), type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("its jar cannot be read for assets", e);
        }
        for (String f : concat(styles, scripts)) {
            if (!files.containsKey(f)) {
                throw new IllegalArgumentException("its page asset " + f + " is not in its jar under " + prefix);
            }
        }
        byOwner.put(owner, new Shipped(files, List.copyOf(styles), List.copyOf(scripts)));
    }

    public void removeAll(String owner) {
        byOwner.remove(owner);
    }

    /**
     * @return the fingerprinted URL of a started plugin's file, e.g.
     * {@code /plugins/checkin/assets/css/checkin.3f2a9c1b0d.css}; empty if there is no such file
     */
    public Optional<String> url(String owner, String path) {
        Shipped s = byOwner.get(owner);
        Asset a = s == null ? null : s.files().get(path);
        if (a == null) {
            return Optional.empty();
        }
        return Optional.of("/plugins/" + owner + "/assets/" + Cacheable.fingerprinted(path, a.hash()));
    }

    /** @return the URLs of the stylesheets started plugins add to every page, in plugin id order */
    public List<String> pageStyles() {
        return pageUrls(Shipped::styles);
    }

    /** @return the URLs of the scripts started plugins add to every page, in plugin id order */
    public List<String> pageScripts() {
        return pageUrls(Shipped::scripts);
    }

    private List<String> pageUrls(java.util.function.Function<Shipped, List<String>> which) {
        return byOwner.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> which.apply(e.getValue()).stream().map(f -> url(e.getKey(), f)).flatMap(Optional::stream))
                .toList();
    }

    private void serve(Context ctx) {
        Shipped s = byOwner.get(ctx.pathParam("id"));
        String path = ctx.pathParam("path");
        if (s == null) {
            throw notFound();
        }
        Asset plain = s.files().get(path);
        if (plain != null) {
            Cacheable.send(ctx, plain.type(), Cacheable.REVALIDATE, plain.bytes());
            return;
        }
        Optional<Cacheable.Fingerprint> f = Cacheable.parse(path);
        Asset a = f.map(fp -> s.files().get(fp.plainName())).orElse(null);
        if (a == null || !a.hash().equals(f.get().hash())) {
            throw notFound();
        }
        Cacheable.send(ctx, a.type(), Cacheable.IMMUTABLE, a.bytes());
    }

    private static KindredException notFound() {
        return KindredException.notFound("There is no such file.");
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
