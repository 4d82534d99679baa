package io.kindred.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for tests: one cookie jar per instance (one browser, one member), JSON in and out,
 * and {@code X-Requested-With: kindred} on every request as a page's script would send it.
 *
 * <pre>{@code
 * Http alice = platform.http();
 * alice.post("/api/v1/auth/register", Map.of("email", "a@x.io", "password", "secret-123", "displayName", "A"));
 * }</pre>
 */
public final class Http {

    /** A response: status, parsed JSON body (or null) and raw text. */
    public record Response(int status, JsonNode json, String body, Map<String, String> headers) {

        public String errorCode() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String base;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        headers.put("X-Requested-With", "kindred");
    }

    /** @return this client, sending {@code Authorization: Bearer key} from now on */
    public Http bearer(String apiKey) {
        headers.put("Authorization", "Bearer " + apiKey);
        return this;
    }

    /** @return this client, sending the header from now on (null removes it) */
    public Http header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> extraHeaders) {
        return send("POST", path, body, extraHeaders);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Sends a raw body (malformed JSON, CSV, ...) with the given content type. */
    public Response raw(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = request(path).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return execute(b.build());
    }

    /** Sends a raw binary body (a multipart upload, ...) with the given content type. */
    public Response raw(String method, String path, String contentType, byte[] body) {
        return execute(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * Submits a page's form as a browser without JavaScript does: reads the CSRF token ({@code name="_csrf"})
     * from {@code pagePath}, then POSTs {@code application/x-www-form-urlencoded} to {@code action} without
     * the {@code X-Requested-With} header. Redirects are not followed.
     *
     * <pre>{@code
     * Http.Response r = alice.submitForm("/membership", "/membership/redeem", "code", "ABCD-EFGH");
     * }</pre>
     *
     * @param pagePath       the page showing the form
     * @param action         the form's action
     * @param namesAndValues field name, value, name, value … (a name may repeat, as ticked checkboxes do)
     * @return the response
     */
    public Response submitForm(String pagePath, String action, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(get(pagePath).body());
        if (!m.find()) {
            throw new IllegalStateException("no _csrf field on " + pagePath);
        }
        StringBuilder form = new StringBuilder("_csrf=").append(encode(m.group(1)));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append('&').append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + action)).timeout(Duration.ofSeconds(60));
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("X-Requested-With")) {
                b.header(k, v);
            }
        });
        b.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        return execute(b.build());
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    public Response send(String method, String path, Object body, Map<String, String> extraHeaders) {
        HttpRequest.Builder b = request(path);
        extraHeaders.forEach(b::header);
        if (body != null) {
            try {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return execute(b.build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        return b;
    }

    private Response execute(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json") && !r.body().isEmpty()) {
                json = MAPPER.readTree(r.body());
            }
            Map<String, String> hs = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> hs.put(k.toLowerCase(), String.join(", ", v)));
            return new Response(r.statusCode(), json, r.body(), hs);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
