package io.kindred.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A response: status, parsed JSON body (or null), raw text, headers (lower-case names) and the body's bytes. */
    public record Response(int status, JsonNode json, String body, Map<String, String> headers, byte[] bytes) {

        /** A response whose bytes are its text in UTF-8. */
        public Response(int status, JsonNode json, String body, Map<String, String> headers) {
            this(status, json, body, headers, body.getBytes(StandardCharsets.UTF_8));
        }

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
        return raw(method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /**
     * Sends a body from any publisher with the given content type; {@code BodyPublishers.ofInputStream(...)}
     * streams it in chunks without a {@code Content-Length}.
     */
    public Response raw(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        return execute(request(path).header("Content-Type", contentType).method(method, body).build());
    }

    /**
     * POSTs {@code multipart/form-data} as a script's {@code FormData} would: the text fields in order, then
     * the file as the part {@code fileField} (its file name, {@code application/octet-stream}). The client's
     * headers (session cookie, {@code X-Requested-With}, bearer key) go with it.
     *
     * <pre>{@code
     * Http.Response r = admin.postMultipart("/api/v1/admin/plugins", Map.of(), "jar", Path.of("target/my-plugin.jar"));
     * }</pre>
     */
    public Response postMultipart(String path, Map<String, String> fields, String fileField, Path file) {
        Multipart body = Multipart.of(fields, fileField, file);
        return raw("POST", path, body.contentType(), body.bytes());
    }

    /**
     * Submits a page's form as a browser without JavaScript does: reads the CSRF token ({@code name="_csrf"})
     * from {@code pagePath}, then POSTs {@code application/x-www-form-urlencoded} to {@code action} without
     * the {@code X-Requested-With} header. Redirects are not followed. A visitor's page carries an empty token,
     * which is sent as it is.
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
        return form(pagePath).submit(action, namesAndValues);
    }

    /** The same, with the fields of a map, in the map's order. */
    public Response submitForm(String pagePath, String action, Map<String, String> fields) {
        return form(pagePath).submit(action, fields);
    }

    /**
     * Reads a page once, to take values from its fields (a one-time key, an idempotency key) and then submit
     * one of its forms, or the same form twice as a double click does.
     *
     * <pre>{@code
     * Http.Form item = alice.form("/shop/items/7");
     * Http.Response r = item.submit("/shop/items/7/redeem", "key", item.field("key"), "quantity", "1");
     * }</pre>
     *
     * @throws IllegalStateException if the page has no {@code _csrf} field
     */
    public Form form(String pagePath) {
        Response page = get(pagePath);
        String csrf = fieldValue(page.body(), "_csrf");
        if (csrf == null) {
            throw new IllegalStateException("no _csrf field on " + pagePath + " (" + page.status() + ")");
        }
        return new Form(page, csrf);
    }

    /** A page as read by {@link #form(String)}: its fields, and its CSRF token for submitting. */
    public final class Form {
        private final Response page;
        private final String csrf;

        private Form(Response page, String csrf) {
            this.page = page;
            this.csrf = csrf;
        }

        /** @return the page as it was read */
        public Response page() {
            return page;
        }

        /** @return the value of the first field {@code name} on the page ({@code name="…" value="…"}), or null */
        public String field(String name) {
            return fieldValue(page.body(), name);
        }

        /** POSTs the page's token and the fields, url-encoded, to {@code action}, as {@link Http#submitForm} does. */
        public Response submit(String action, String... namesAndValues) {
            if (namesAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("names and values come in pairs");
            }
            StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
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

        /**
         * POSTs the page's token, the fields and a file as {@code multipart/form-data} to {@code action}, as a
         * browser submits a form with {@code enctype="multipart/form-data"} and an {@code <input type="file">}
         * (without the {@code X-Requested-With} header; redirects are not followed).
         *
         * <pre>{@code
         * Http.Response r = admin.form("/console/plugins").submitFile("/console/plugins/install", "jar", jar);
         * }</pre>
         */
        public Response submitFile(String action, String fileField, Path file, String... namesAndValues) {
            if (namesAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("names and values come in pairs");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", csrf);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            Multipart body = Multipart.of(fields, fileField, file);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + action)).timeout(Duration.ofSeconds(60));
            headers.forEach((k, v) -> {
                if (!k.equalsIgnoreCase("X-Requested-With")) {
                    b.header(k, v);
                }
            });
            b.header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            return execute(b.build());
        }

        /** The same, with the fields of a map, in the map's order. */
        public Response submit(String action, Map<String, String> fields) {
            List<String> namesAndValues = new ArrayList<>();
            fields.forEach((name, value) -> {
                namesAndValues.add(name);
                namesAndValues.add(value);
            });
            return submit(action, namesAndValues.toArray(String[]::new));
        }
    }

    private static String fieldValue(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("");
            String body = new String(r.body(), charset(type));
            JsonNode json = null;
            if (type.startsWith("application/json") && !body.isEmpty()) {
                json = MAPPER.readTree(body);
            }
            Map<String, String> hs = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> hs.put(k.toLowerCase(), String.join(", ", v)));
            return new Response(r.statusCode(), json, body, hs, r.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The charset of a Content-Type, UTF-8 when none is named (as {@code BodyHandlers.ofString} decodes). */
    private static Charset charset(String contentType) {
        Matcher m = Pattern.compile("(?i);\\s*charset=\"?([^\";\\s]+)").matcher(contentType);
        try {
            return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
