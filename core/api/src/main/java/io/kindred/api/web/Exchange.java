package io.kindred.api.web;

import io.kindred.api.users.Member;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to a plugin route and its response, in the host's vocabulary: JSON bodies are read
 * and written with the host's mapper, failures are {@link io.kindred.api.KindredException}s, the caller is
 * a {@link Member}.
 *
 * <pre>{@code
 * var body = x.body(RedeemRequest.class);
 * x.json(201, Map.of("redemption", redemption));
 * }</pre>
 */
public interface Exchange {

    /** @return the HTTP method, upper case */
    String method();

    /** @return the request path, without query string */
    String path();

    /**
     * @param name a {@code {name}} of the route's path
     * @return its value
     */
    String pathParam(String name);

    /**
     * @param name a {@code {name}} of the route's path
     * @return its value as a positive long; a 404 {@code not_found} if it is not one
     */
    long pathParamAsId(String name);

    /**
     * @param name query parameter
     * @return its first value, if present and not blank
     */
    Optional<String> query(String name);

    /**
     * @param name query parameter
     * @param defaultValue when absent
     * @param min smallest allowed
     * @param max largest allowed
     * @return the value; a 400 {@code invalid_field} if it is not an integer in range
     */
    int queryInt(String name, int defaultValue, int min, int max);

    /**
     * Reads the paging parameters {@code cursor} and {@code limit}, as every list answers them.
     *
     * <pre>{@code
     * PageRequest page = x.page(50, 200);
     * x.json(Page.of(store.newestFirst(page.before(), page.limit()), page, Row::id));
     * }</pre>
     *
     * @param defaultLimit the limit when none is given
     * @param maxLimit     the largest limit allowed
     * @return the request; a 400 {@code invalid_cursor} or {@code invalid_field} (limit) if they are wrong
     */
    default PageRequest page(int defaultLimit, int maxLimit) {
        return PageRequest.of(query("cursor").orElse(null), query("limit").orElse(null), defaultLimit, maxLimit);
    }

    /**
     * Reads only the {@code cursor} of a page that always shows {@code size} rows, such as a page for people.
     *
     * <pre>{@code
     * PageRequest page = x.page(200);
     * }</pre>
     *
     * @param size the rows on every page
     * @return the request; a 400 {@code invalid_cursor} if the cursor is wrong
     */
    default PageRequest page(int size) {
        return PageRequest.of(query("cursor").orElse(null), null, size, size);
    }

    /** @param name header name @return its value, if present */
    Optional<String> header(String name);

    /**
     * The site's address, for links that leave the browser (invite and share links, calendar files, emails):
     * the setting {@code site.url}, or while it is unset the address of this request if its host is one the
     * operator allowed ({@code site.allowedHosts}, localhost), else the first allowed host. Never build such a
     * link from the {@code Host} header yourself: a caller chooses it.
     *
     * <pre>{@code
     * String link = x.siteUrl() + "/signup?ref=" + code;   // https://club.example.com/signup?ref=K7Q2M9XP
     * }</pre>
     *
     * @return the address without a trailing slash, e.g. {@code https://club.example.com}
     */
    String siteUrl();

    /**
     * A visitor: the client's address (the proxy's {@code X-Forwarded-For} when the site is set up behind one) and
     * a first-party cookie the plugin sets itself, e.g. to count a shared link's visitors once each.
     *
     * <pre>{@code
     * String visitor = x.cookie("kv").orElseGet(() -> { String id = newId(); x.cookie("kv", id, Duration.ofDays(365)); return id; });
     * }</pre>
     *
     * @return the client's IP address as text
     */
    default String clientIp() {
        return "";
    }

    /** @param name a cookie's name @return its value in the request, if sent */
    default Optional<String> cookie(String name) {
        return Optional.empty();
    }

    /**
     * Sets a first-party cookie on the response: HTTP only, SameSite=Lax, path {@code /}, secure when the site is.
     *
     * @param name   its name
     * @param value  its value (letters, digits, {@code -_})
     * @param maxAge how long the browser keeps it
     */
    default void cookie(String name, String value, java.time.Duration maxAge) {
    }

    /** @return the {@code Idempotency-Key} header, if the caller sent one */
    Optional<String> idempotencyKey();

    /**
     * Reads the JSON body into a record, strictly. Every component of the record is <b>required</b> unless its
     * type is {@link Optional}, {@link java.util.OptionalInt} or {@link java.util.OptionalLong}; {@code null}
     * counts as missing. Nested records and lists of records follow the same rules. Every whole number must lie
     * within ±(2<sup>53</sup>−1) so that any client reads it exactly.
     *
     * <pre>{@code
     * record RedeemBody(long itemId, OptionalInt quantity, Optional<String> note) {}
     * var body = x.body(RedeemBody.class);   // {"itemId": 7} is fine; {"quantity": 2} is 400 missing_field 'itemId'
     * }</pre>
     *
     * <p>Errors, each a 400 whose message names the field by its path (e.g. {@code items[0].qty}):
     * {@code invalid_json} (not a JSON object, not valid JSON), {@code missing_field} (a required component is
     * absent or null), {@code invalid_field} (a field the record does not have, a wrong type such as
     * {@code 1.5} or {@code "2"} for a whole number, or a number out of range). A {@code Map} target reads any
     * object, for truly dynamic shapes such as settings by name.
     *
     * @param type target type: a record, or {@code Map}
     * @param <T>  target type
     * @return the body
     */
    <T> T body(Class<T> type);

    /** @return the form fields of a {@code application/x-www-form-urlencoded} or multipart body */
    Map<String, List<String>> form();

    /**
     * @param name a form field
     * @return its first value as sent (not trimmed), or empty when the form has no such field
     */
    default Optional<String> formValue(String name) {
        List<String> values = form().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /**
     * An uploaded file of a {@code multipart/form-data} body, e.g. from {@code <input type="file" name="image">}.
     * Check what it is by its bytes, never by its name or content type; for pictures use
     * {@link io.kindred.api.PluginContext#images()}.
     *
     * @param field the form field's name
     * @return the file, if the body is multipart and the field holds a non-empty file; a 413
     *         {@code file_too_large} above 10 MB
     */
    Optional<UploadedFile> file(String field);

    /**
     * Every file of a multipart field that may hold several, e.g. {@code <input type="file" name="images" multiple>}.
     *
     * <pre>{@code
     * List<UploadedFile> pictures = x.files("images");   // empty files (nothing chosen) are left out
     * }</pre>
     *
     * @param field the form field's name
     * @return the non-empty files in the order sent; empty when the body is not multipart; a 413
     *         {@code file_too_large} when one is above 10 MB
     */
    default java.util.List<UploadedFile> files(String field) {
        return file(field).map(java.util.List::of).orElse(java.util.List.of());
    }

    /**
     * Reads an uploaded JSON file (e.g. an import feed) into a record, with the same strict rules and errors as
     * {@link #body(Class)}.
     *
     * <pre>{@code
     * Feed feed = x.file("feed").map(f -> x.json(f, Feed.class)).orElseThrow(() -> KindredException.missingField("feed"));
     * }</pre>
     *
     * @param file an uploaded file
     * @param type target type: a record, or {@code Map}
     * @param <T>  target type
     * @return the file's content; a 400 {@code invalid_json} when it is not JSON (or not UTF-8 text)
     */
    <T> T json(UploadedFile file, Class<T> type);

    /** @return the signed-in member, if any */
    Optional<Member> member();

    /**
     * Who is calling, to name in the audit log and in "done by" records of operator routes, which also take an API
     * key: the signed-in member, or for a server calling with an administrator's API key a stand-in with id 0 whose
     * display name is {@code API key <name>} (the audit log names it so). A plugin's own tables keep a null
     * member id for it.
     *
     * <pre>{@code
     * Member operator = x.actor();
     * Long decidedBy = operator.id() == 0 ? null : operator.id();
     * }</pre>
     *
     * @return the caller; a 401 {@code unauthenticated} when there is none
     */
    Member actor();

    /** @return the signed-in member; a 401 {@code unauthenticated} if there is none */
    Member requireMember();

    /** @return the caller's language */
    Locale locale();

    /**
     * Writes a JSON response.
     *
     * @param status HTTP status
     * @param body   any value the host can serialise (records, maps, lists)
     */
    void json(int status, Object body);

    /** @param body response body, status 200 */
    default void json(Object body) {
        json(200, body);
    }

    /** Answers 204 No Content. */
    void noContent();

    /**
     * Renders a Pebble template of the active theme (or of the plugin) as the response.
     *
     * @param template e.g. {@code "checkin/calendar"}
     * @param model    template variables, added to those every page gets
     */
    void render(String template, Map<String, Object> model);

    /**
     * Answers 200 with a file to save rather than a page to show ({@code Content-Disposition: attachment}),
     * e.g. a CSV export.
     *
     * @param fileName    the name the browser proposes; sanitised to letters, digits, {@code . _ -}
     *                    (anything else becomes {@code _}), never a path
     * @param contentType e.g. {@code "text/csv; charset=utf-8"}
     * @param body        the file's bytes
     */
    void download(String fileName, String contentType, byte[] body);

    /**
     * Answers 200 with a CSV file to save, made for spreadsheets: UTF-8 with a byte order mark (so that Excel
     * reads Chinese right), CRLF lines, every field quoted, and text that a spreadsheet would run as a formula
     * (starting with {@code = + - @}, a tab or a carriage return) defused with a leading apostrophe (CSV
     * injection). Numbers are written as they are, null as an empty field. Rows are written as the iterable
     * gives them, so a big export can read page by page.
     *
     * <pre>{@code
     * x.csv("redemptions.csv", List.of("id", "item", "member"), rows);
     * }</pre>
     *
     * @param fileName the name the browser proposes, sanitised as for {@link #download}
     * @param header   the column names
     * @param rows     the rows, each as many cells as the header
     */
    void csv(String fileName, List<String> header, Iterable<? extends List<?>> rows);

    /** @param location where to send the browser (303 See Other) */
    void redirect(String location);
}
