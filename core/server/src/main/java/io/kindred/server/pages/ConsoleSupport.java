package io.kindred.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.ErrorCode;
import io.kindred.api.KindredException;
import io.kindred.server.web.Principal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Small helpers the console pages share: form fields, path ids, times in the site's zone, redirects. */
final class ConsoleSupport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConsoleSupport() {
    }

    /** A form field, trimmed; empty when absent. */
    static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    /** A numeric id from the path; anything else is a 404 with {@code code}. */
    static long pathId(Context ctx, String name, ErrorCode code) {
        String v = ctx.pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through
        }
        throw new KindredException(code, "There is nothing with the id " + v + ".");
    }

    /** A time as the site shows it: {@code yyyy-MM-dd HH:mm} in {@code site.timezone}; empty for null. */
    static String when(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    static String when(long epochMillis, ZoneId zone) {
        return when(Instant.ofEpochMilli(epochMillis), zone);
    }

    /** After a successful POST: back to a page, with a notice key the page shows (Post/Redirect/Get). */
    static void redirect(Context ctx, String path, String noticeKey) {
        String sep = path.contains("?") ? "&" : "?";
        ctx.redirect(path + (noticeKey == null ? "" : sep + "notice=" + noticeKey), HttpStatus.SEE_OTHER);
    }

    static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    /** A query-string parameter, trimmed, absent when blank. */
    static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The status a page answers with when a form is refused for the reason {@code e}. */
    static int formStatus(KindredException e) {
        return e.status() >= 500 ? 400 : e.status();
    }

    static boolean isAdmin(Principal p) {
        return p.has(io.kindred.api.users.Role.ADMIN);
    }
}
