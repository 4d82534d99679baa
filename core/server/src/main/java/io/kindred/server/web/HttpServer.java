package io.kindred.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.server.config.SiteSettings;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the one Javalin server: the caller is resolved before every request, core routes come first,
 * and one catch-all route per method hands everything else to the {@link PluginRouter}.
 */
public final class HttpServer {

    /** The two places a plugin jar is uploaded to (API and console), whose bodies may reach plugins.max-upload-bytes. */
    private static final java.util.Set<String> PLUGIN_UPLOADS = java.util.Set.of("/api/v1/admin/plugins", "/console/plugins/install");

    /** Sent with every answer, Jetty's own error answers included. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                    + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'");

    private final Javalin app;

    private static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    public HttpServer(SiteSettings settings, Auth auth, PluginRouter router, Errors errors, Renderer renderer,
                      Function<Context, Locale> locales, List<Consumer<CoreRouting>> coreRoutes) {
        long maxBody = settings.intValue("http.max-body-bytes", 1_048_576);
        long maxPluginJar = settings.intValue("plugins.max-upload-bytes", 20 * 1_048_576);
        long maxUpload = settings.intValue("http.max-upload-bytes", 20 * 1_048_576);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = maxBody;
            // Uploads (avatars, 800 KB at most) stay in memory and fall under the same body limit.
            cfg.jetty.multipartConfig.maxTotalRequestSize(maxBody, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(maxBody, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(maxBody, Integer.MAX_VALUE), io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.modifyServer(server -> {
                server.insertHandler(new GracefulHandler());
                server.setErrorHandler(new JettyErrors());
                server.setStopTimeout(15_000);
            });
            cfg.routes.before(ctx -> {
                standardHeaders(ctx, auth);
                long declared = ctx.contentLength();
                long limit = maxBody;
                if (PLUGIN_UPLOADS.contains(ctx.path()) && ctx.method() == HandlerType.POST) {
                    // Plugin jars are larger than any other upload: this request's multipart parts may be too.
                    limit = maxPluginJar;
                } else if (isMultipart(ctx) && ctx.method() == HandlerType.POST) {
                    // Files (e.g. the nine pictures of a post) may exceed the JSON limit; parts above 1 MiB go to disk.
                    limit = Math.max(maxBody, maxUpload);
                }
                if (limit > maxBody) {
                    ctx.req().setAttribute(io.javalin.http.util.MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                            new jakarta.servlet.MultipartConfigElement(System.getProperty("java.io.tmpdir"), limit,
                                    limit, 1_048_576));
                }
                if (declared > limit) {
                    discardBody(ctx, declared);
                    throw new KindredException(CoreError.BODY_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
                }
                auth.resolve(ctx);
                if (ctx.method() == HandlerType.GET && !isStatic(ctx.path())) {
                    auth.awaitOwnEvents(ctx);
                }
            });
            cfg.routes.after(HttpServer::htmlCharset);
            cfg.routes.exception(KindredException.class, errors::kindred);
            cfg.routes.exception(Auth.SignInRequired.class, (e, ctx) -> ctx.redirect(e.location(), io.javalin.http.HttpStatus.SEE_OTHER));
            cfg.routes.exception(HttpResponseException.class, errors::javalin);
            cfg.routes.exception(Exception.class, errors::unexpected);
            cfg.routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> unreadableUpload(e, ctx, errors,
                    isMultipart(ctx) ? Math.max(maxBody, maxUpload) : maxBody));
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    errors.respond(ctx, 404, "not_found", "There is nothing at " + ctx.path() + ".");
                }
            });

            CoreRouting core = new CoreRouting(cfg.routes, auth, router);
            coreRoutes.forEach(r -> r.accept(core));

            for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                    HandlerType.DELETE)) {
                cfg.routes.addHttpHandler(method, "*", ctx -> {
                    PluginRouter.Match m = router.match(ctx);
                    auth.check(ctx, m.route().access(), m.route().scope(), false);
                    m.route().handler().handle(new JavalinExchange(ctx, m.params(), m.route().mapper(), auth, renderer,
                            locales.apply(ctx), () -> io.kindred.server.config.SiteAddress.of(ctx, settings)));
                });
            }
        });
    }

    /**
     * The headers of every response: no sniffing, no framing, the strict CSP and, once the site is served over HTTPS,
     * HSTS. No Cross-Origin-Opener-Policy: with it Chromium opens the page in a fresh renderer process, and
     * Lighthouse's phone audit of Home and Me measured 10 to 20 points less performance for it.
     */
    private static void standardHeaders(Context ctx, Auth auth) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'");
        if (auth.secure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** A refused body is read and dropped for at most this long, and only while it keeps arriving. */
    private static final long DISCARD_FOR_NANOS = 5_000_000_000L;
    private static final long QUIET_NANOS = 150_000_000L;

    /**
     * A client that is still sending a refused body does not read the answer, and a server that answers and
     * closes with unread bytes makes the kernel reset the connection: the client sees a reset instead of the
     * 413. So, like a web server's lingering close, what keeps arriving is read and dropped (5 s at most) before
     * the answer; a client that sent only the headers, or stopped sending, gets its 413 after a short pause.
     */
    private static void discardBody(Context ctx, long declared) {
        long start = System.nanoTime();
        long lastByte = start;
        long dropped = 0;
        try {
            jakarta.servlet.ServletInputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[16_384];
            while (dropped < declared && System.nanoTime() - start < DISCARD_FOR_NANOS) {
                int available = in.available();
                if (available > 0) {
                    int n = in.read(sink, 0, Math.min(available, sink.length));
                    if (n < 0) {
                        break;
                    }
                    dropped += n;
                    lastByte = System.nanoTime();
                } else if (System.nanoTime() - lastByte > QUIET_NANOS) {
                    break;
                } else {
                    Thread.sleep(2);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the caller went away: nothing more to drop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pages say their encoding in the header too, so the browser never guesses before it reads the meta tag. */
    private static void htmlCharset(Context ctx) {
        String type = ctx.res().getContentType();
        if (type != null && type.startsWith("text/html") && !type.contains("charset")) {
            ctx.contentType("text/html; charset=utf-8");
        }
    }

    /**
     * A multipart body that outgrows the limit while it streams in (no Content-Length to refuse it by) or that
     * is cut short fails inside Jetty's parser: the caller sent something wrong, so 413 or 400, not 500.
     */
    private static void unreadableUpload(Exception e, Context ctx, Errors errors, long maxBody) {
        boolean badMessage = false;
        boolean tooLarge = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            badMessage |= t instanceof org.eclipse.jetty.http.BadMessageException;
            tooLarge |= t.getMessage() != null && t.getMessage().contains("max length exceeded");
        }
        if (!badMessage) {
            errors.unexpected(e, ctx);
        } else if (tooLarge) {
            errors.respond(ctx, 413, "body_too_large", "The request body is larger than " + maxBody + " bytes.");
        } else {
            errors.respond(ctx, 400, "bad_request", "The request could not be read.");
        }
    }

    public HttpServer start(int port) {
        app.start(port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting requests and lets the ones in flight finish (up to 15 s). */
    public void stop() {
        app.stop();
    }

    /** @return whether the path is a static file, which never shows a member's figures */
    private static boolean isStatic(String path) {
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.startsWith("/uploads/")
                || path.startsWith("/plugins/") && path.contains("/assets/") || path.equals("/brand.css") || path.startsWith("/favicon")
                || path.startsWith("/icon-") || path.equals("/healthz");
    }
}
