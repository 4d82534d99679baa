package io.kindred.server.web;

import io.javalin.http.Context;
import io.kindred.api.KindredException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Files of the WebJars on the class path (htmx, chart.js, swagger-ui), served under {@code /webjars/<lib>/<path>}.
 * A path that starts with the WebJar's version ({@code /webjars/htmx.org/2.0.4/dist/htmx.min.js}, what
 * {@link #url} and the templates' {@code webjar('htmx.org', 'dist/htmx.min.js')} give) is kept a year: an upgrade
 * changes the URL. The version-less path works too, revalidated by ETag after a day.
 */
public final class WebJars {

    private static final String VERSIONLESS = "public, max-age=86400";

    private WebJars() {
    }

    /** @return the versioned URL of a WebJar's file, or the version-less one when there is no such WebJar */
    public static String url(String lib, String path) {
        return version(lib).map(v -> "/webjars/" + lib + "/" + v + "/" + path).orElse("/webjars/" + lib + "/" + path);
    }

    /** Serves {@code /webjars/{lib}/<path>}, with or without the version in front of the path. */
    public static void serve(Context ctx) {
        String lib = ctx.pathParam("lib");
        String path = ctx.pathParam("path");
        if (!lib.matches("[a-z0-9._-]{1,50}") || path.contains("..") || !path.matches("[A-Za-z0-9._/-]{1,200}")) {
            throw notFound();
        }
        String version = version(lib).orElseThrow(WebJars::notFound);
        boolean versioned = path.startsWith(version + "/");
        byte[] bytes = read(lib, version, versioned ? path.substring(version.length() + 1) : path);
        String type = path.endsWith(".js") ? "text/javascript; charset=utf-8"
                : path.endsWith(".css") ? "text/css; charset=utf-8" : "application/octet-stream";
        Cacheable.send(ctx, type, versioned ? Cacheable.IMMUTABLE : VERSIONLESS, bytes);
    }

    /** npm WebJars (htmx, chart.js) and classic ones (swagger-ui) keep their version in different places. */
    static Optional<String> version(String lib) {
        ClassLoader loader = WebJars.class.getClassLoader();
        for (String group : new String[] {"org.webjars.npm", "org.webjars"}) {
            try (InputStream in = loader.getResourceAsStream("META-INF/maven/" + group + "/" + lib + "/pom.properties")) {
                if (in != null) {
                    Properties pom = new Properties();
                    pom.load(in);
                    return Optional.ofNullable(pom.getProperty("version"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    private static byte[] read(String lib, String version, String path) {
        try (InputStream in = WebJars.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/" + lib + "/" + version + "/" + path)) {
            if (in == null) {
                throw notFound();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KindredException notFound() {
        return KindredException.notFound("There is no such file.");
    }
}
