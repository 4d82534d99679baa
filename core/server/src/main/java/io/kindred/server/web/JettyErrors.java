package io.kindred.server.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors that Jetty answers itself, before any route runs (a malformed URI, a bad Content-Length, no Host
 * header, a path that is not UTF-8): they get the API's JSON error shape and the security headers, for every
 * method (Jetty itself writes a body only for GET, POST and HEAD, and leaves PUT, PATCH and DELETE empty).
 */
final class JettyErrors extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        HttpServer.SECURITY_HEADERS.forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(status, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        HttpServer.SECURITY_HEADERS.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return body(status, reason);
    }

    private static ByteBuffer body(int status, String reason) {
        String code = switch (status) {
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "server_error" : "bad_request";
        };
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", "The request could not be read" + (reason == null || reason.isBlank() ? "." : ": " + reason + "."));
        return ByteBuffer.wrap(Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8));
    }
}
