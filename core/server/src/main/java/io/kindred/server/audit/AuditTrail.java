package io.kindred.server.audit;

import io.javalin.http.Context;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Principal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Makes the audit log impossible to forget: before each request the caller is noted (so every entry names their
 * key or session and address), and after each state-changing request on {@code /console/**} or
 * {@code /api/v1/admin/**} that succeeded without recording an entry of its own, one entry records the request:
 * actor, method and path, status, and the fields sent as its "after" (the values of secrets and of fields that may
 * hold a person's data are left out, their names kept).
 */
public final class AuditTrail implements Consumer<CoreRouting> {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Field names whose values never reach the log. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|csrf|otp|code|key|credential).*");
    /**
     * Field names whose values may be a person's data: an append-only log must not keep them, or erasing a member
     * (PIPL, GDPR) would leave them behind. The field's name is still recorded.
     */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(email|phone|mobile|name|address|birth|identity|idnumber|wechat|body|content|message|comment|note|text|tracking|account).*");
    private static final int MAX_VALUE = 200;

    private final AuditLog audit;
    private final Auth auth;

    public AuditTrail(AuditLog audit, Auth auth) {
        this.audit = audit;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.before(this::begin);
        r.after(this::end);
    }

    private void begin(Context ctx) {
        Principal p = auth.principal(ctx).orElse(null);
        audit.begin(p == null ? new AuditLog.Caller("anonymous", null, ctx.ip()) : new AuditLog.Caller(p.label(), p.via(), ctx.ip()));
    }

    private void end(Context ctx) {
        AuditLog.Caller caller = audit.caller().orElse(null);
        boolean recorded = audit.end();
        String method = ctx.method().name();
        if (recorded || caller == null || SAFE.contains(method) || !audited(ctx.path()) || ctx.statusCode() >= 400
                || auth.principal(ctx).isEmpty()) {
            return;
        }
        audit.begin(caller);
        try {
            String area = ctx.path().startsWith("/console") ? "console" : "admin_api";
            audit.record(caller.actor(), area + "." + method.toLowerCase(Locale.ROOT), ctx.path(),
                    method + " " + ctx.path() + " (" + ctx.statusCode() + ").", null, sent(ctx));
        } finally {
            audit.end();
        }
    }

    private static boolean audited(String path) {
        return path.equals("/console") || path.startsWith("/console/") || path.startsWith("/api/v1/admin/");
    }

    /** @return the form fields or JSON object sent, as JSON, secrets and the CSRF token left out; null when none */
    private static String sent(Context ctx) {
        Map<String, Object> fields = new TreeMap<>();
        try {
            if (ctx.isFormUrlencoded()) {
                ctx.formParamMap().forEach((k, v) -> fields.put(k, v.size() == 1 ? v.get(0) : v));
            } else if (ctx.isJson() && !ctx.body().isBlank()) {
                Json.CORE.readTree(ctx.body()).fields().forEachRemaining(f -> fields.put(f.getKey(),
                        f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
            }
        } catch (Exception unreadable) {
            return null; // the handler read it (it succeeded): a body we cannot read again is simply not shown
        }
        fields.replaceAll((k, v) -> SECRET.matcher(k).matches() || PERSONAL.matcher(k).matches() ? "(not recorded)"
                : shorten(String.valueOf(v)));
        return fields.isEmpty() ? null : Json.write(fields);
    }

    private static String shorten(String v) {
        return v.length() <= MAX_VALUE ? v : v.substring(0, MAX_VALUE) + "…";
    }
}
