package io.kindred.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.kindred.api.KindredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one error path: every failure becomes {@code {"error":{"code","message"}}} for the API, or an error
 * page for browsers. Unexpected exceptions are logged in one line with a reference the operator can grep,
 * and the caller sees only that reference.
 */
public final class Errors {

    private static final Logger log = LoggerFactory.getLogger("kindred.http");

    /** Renders a browser error page; the theme provides it. */
    @FunctionalInterface
    public interface ErrorPage {
        String render(Context ctx, int status, String code, String message);
    }

    private final ErrorPage page;

    public Errors(ErrorPage page) {
        this.page = page;
    }

    public void kindred(KindredException e, Context ctx) {
        if (e instanceof io.kindred.server.users.TooManyAttempts t) {
            ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
        }
        respond(ctx, e.status(), e.code(), e.getMessage());
    }

    public void javalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String code = switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "server_error" : "bad_request";
        };
        String message = status == 413 ? "The request body is larger than the limit." : e.getMessage();
        respond(ctx, status, code, message == null || message.isBlank() ? "The request could not be handled." : message);
    }

    public void unexpected(Exception e, Context ctx) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof KindredException ke) {
            kindred(ke, ctx);
            return;
        }
        if (root instanceof org.eclipse.jetty.http.BadMessageException || root instanceof java.io.EOFException) {
            respond(ctx, 400, "bad_request", "The request could not be read.");
            return;
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Request {} {} failed (ref {}): {}", ctx.method().name(), ctx.path(), ref, e.toString(), e);
        respond(ctx, 500, "server_error", "Something went wrong on our side (ref " + ref + ").");
    }

    public void respond(Context ctx, int status, String code, String message) {
        ctx.status(status);
        if (Auth.isApi(ctx) || wantsJson(ctx)) {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("code", code);
            err.put("message", message);
            ctx.contentType("application/json").result(Json.write(Map.of("error", err)));
        } else {
            ctx.html(page.render(ctx, status, code, message));
        }
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        String type = ctx.header("Content-Type");
        return (accept != null && accept.contains("application/json") && !accept.contains("text/html"))
                || (type != null && type.startsWith("application/json"));
    }
}
