package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.users.Role;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ledger.Adjustments;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.users.CustomerImport;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Params;
import io.kindred.server.web.Principal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code /console/members/{id}}: a member's profile, labels, roles (admins only), external ids, balances and
 * ledger history, and the "adjust points" form, which posts exactly what
 * {@code POST /api/v1/admin/ledger/adjustments} posts (through {@link Adjustments#adjust}).
 */
final class ConsoleMemberDetail implements Consumer<CoreRouting> {

    private static final int HISTORY = 20;

    private final Views views;
    private final Database db;
    private final UserStore users;
    private final LedgerService ledger;
    private final Adjustments adjustments;
    private final Auth auth;
    private final SiteSettings settings;
    private final Clock clock;
    private final io.kindred.server.users.RoleChanges roleChanges;

    ConsoleMemberDetail(Views views, Database db, UserStore users, LedgerService ledger, Adjustments adjustments,
                        Auth auth, SiteSettings settings, Clock clock, io.kindred.server.users.RoleChanges roleChanges) {
        this.roleChanges = roleChanges;
        this.views = views;
        this.db = db;
        this.users = users;
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.auth = auth;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/members/{id}", Access.OPERATOR, ctx -> show(ctx, member(ctx), Map.of()));
        r.post("/console/members/{id}/adjust", Access.OPERATOR, this::adjust);
        r.post("/console/members/{id}/labels", Access.OPERATOR, this::addLabel);
        r.post("/console/members/{id}/labels/remove", Access.OPERATOR, this::removeLabel);
        r.post("/console/members/{id}/external-ids", Access.OPERATOR, this::linkExternalId);
        r.post("/console/members/{id}/roles", Access.ADMIN, this::setRoles);
    }

    private UserRow member(Context ctx) {
        long id = ConsoleSupport.pathId(ctx, "id", CoreError.USER_NOT_FOUND);
        return users.byId(id).orElseThrow(() -> MemberIds.notFound(id));
    }

    private static String back(UserRow u) {
        return "/console/members/" + u.id();
    }

    private void show(Context ctx, UserRow u, Map<String, Object> extra) {
        ZoneId zone = settings.zone();
        Map<String, Object> model = new HashMap<>();
        model.put("member", profile(u, zone));
        db.read(h -> {
            model.put("labels", users.labels(h, u.id()));
            model.put("externalIds", users.externalIds(h, u.id()));
            model.put("mergedInto", users.mergedInto(h, u.id()).map(x -> users.current(h, x)).orElse(null));
            return null;
        });
        List<Map<String, Object>> balances = new ArrayList<>();
        ledger.balances(u.id()).forEach((asset, amount) -> balances.add(Map.of("asset", asset, "amount", amount,
                "label", views.t(ctx, "asset." + asset))));
        model.put("balances", balances);
        model.put("assets", ledger.assets().all().keySet().stream().sorted().toList());
        PageRequest page = Params.page(ctx, HISTORY);
        Page<Map<String, Object>> history = Page.of(ledger.history(u.id(), null, page.before(), page.limit()), page,
                LedgerService.HistoryItem::id).map(item -> historyRow(ctx, item, zone));
        model.put("history", history.items());
        model.put("nextCursor", history.nextCursor());
        model.put("adjustKey", UUID.randomUUID().toString());
        model.put("adjust", Map.of("asset", "points", "amount", "", "reason", ""));
        model.put("canEditRoles", viewerIsAdmin(ctx));
        model.putAll(extra);
        views.page(ctx, "console/member", model);
    }

    private static Map<String, Object> profile(UserRow u, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("displayName", u.displayName());
        m.put("email", u.email());
        m.put("phone", u.phone());
        m.put("birthday", u.birthday());
        m.put("address", u.shippingAddress() == null ? null : addressLine(u.shippingAddress()));
        m.put("locale", u.locale());
        m.put("referralCode", u.referralCode());
        m.put("referredByCode", u.referredByCode());
        m.put("totalSpent", new java.math.BigDecimal(u.totalSpent()).movePointLeft(2).toPlainString());
        m.put("lastPurchaseDay", u.lastPurchaseDay());
        m.put("status", u.status());
        m.put("joined", ConsoleSupport.when(u.createdAt(), zone));
        m.put("isOperator", u.roles().contains(Role.OPERATOR));
        m.put("isAdmin", u.roles().contains(Role.ADMIN));
        return m;
    }

    /** A ledger line as the member's page shows it: the reason translated when it is a known code. */
    private Map<String, Object> historyRow(Context ctx, LedgerService.HistoryItem item, ZoneId zone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("when", ConsoleSupport.when(item.createdAt(), zone));
        row.put("asset", views.t(ctx, "asset." + item.asset()));
        row.put("amount", item.amount());
        row.put("balanceAfter", item.balanceAfter());
        row.put("reason", views.messages().find(views.locale(ctx), "reason." + item.reason()).orElse(item.reason()));
        row.put("reference", item.reference());
        return row;
    }

    private static String addressLine(String json) {
        Map<String, Object> a = Json.readMap(json);
        List<String> parts = new ArrayList<>();
        for (Object v : a.values()) {
            if (v != null && !String.valueOf(v).isBlank()) {
                parts.add(String.valueOf(v));
            }
        }
        return String.join(", ", parts);
    }

    private boolean viewerIsAdmin(Context ctx) {
        return auth.principal(ctx).map(ConsoleSupport::isAdmin).orElse(false);
    }

    /** Shows the page again with a form error; the status says what went wrong. */
    private void refuse(Context ctx, UserRow u, KindredException e, String field, Map<String, Object> extra) {
        ctx.status(ConsoleSupport.formStatus(e));
        Map<String, Object> model = new HashMap<>(extra);
        model.put(field, views.messages().find(views.locale(ctx), "console.error." + e.code()).orElse(views.errorText(ctx, e)));
        show(ctx, u, model);
    }

    private void adjust(Context ctx) {
        UserRow u = member(ctx);
        String asset = ConsoleSupport.field(ctx, "asset");
        String amountText = ConsoleSupport.field(ctx, "amount");
        String reason = ConsoleSupport.field(ctx, "reason");
        String key = ConsoleSupport.field(ctx, "idempotencyKey");
        Map<String, Object> kept = Map.of("adjust", Map.of("asset", asset, "amount", amountText, "reason", reason));
        try {
            if (amountText.isEmpty()) {
                throw KindredException.missingField("amount");
            }
            long amount;
            try {
                amount = Long.parseLong(amountText.replace("+", ""));
            } catch (NumberFormatException e) {
                throw new KindredException(CoreError.ADJUST_AMOUNT, "The amount must be a whole number.");
            }
            if (!key.matches("[0-9a-f-]{36}")) {
                key = null;
            }
            Principal who = auth.principal(ctx).orElseThrow();
            adjustments.adjust(new Adjustments.Adjustment(u.id(), asset.isEmpty() ? "points" : asset, amount, reason,
                    who.actor(), key == null ? null : "console:" + key));
            ConsoleSupport.redirect(ctx, back(u), "console_adjusted");
        } catch (KindredException e) {
            refuse(ctx, u, e, "adjustError", kept);
        }
    }

    private void addLabel(Context ctx) {
        UserRow u = member(ctx);
        try {
            String label = CustomerImport.checkLabel(ConsoleSupport.field(ctx, "label"));
            db.write(h -> users.addLabel(h, u.id(), label, clock.millis()));
            ConsoleSupport.redirect(ctx, back(u), "console_label_added");
        } catch (KindredException e) {
            refuse(ctx, u, new KindredException(e.status(), "label_invalid", e.getMessage()), "labelError", Map.of());
        }
    }

    private void removeLabel(Context ctx) {
        UserRow u = member(ctx);
        String label = ConsoleSupport.field(ctx, "label");
        db.write(h -> users.removeLabel(h, u.id(), label));
        ConsoleSupport.redirect(ctx, back(u), "console_label_removed");
    }

    private void linkExternalId(Context ctx) {
        UserRow u = member(ctx);
        String system = ConsoleSupport.field(ctx, "system").toLowerCase(Locale.ROOT);
        String externalId = ConsoleSupport.field(ctx, "externalId");
        try {
            if (!system.matches("[a-z0-9_.-]{1,40}") || externalId.isEmpty() || externalId.length() > 100) {
                throw new KindredException(CoreError.EXTERNAL_ID_INVALID, "The system is 1 to 40 lower-case letters, digits, . _ or -; the id 1 to 100 characters.");
            }
            db.write(h -> users.linkExternalId(h, u.id(), system, externalId, clock.millis())).ifPresent(other -> {
                throw new KindredException(CoreError.EXTERNAL_ID_TAKEN, "This external id belongs to member " + other + ".");
            });
            ConsoleSupport.redirect(ctx, back(u), "console_external_id_linked");
        } catch (KindredException e) {
            refuse(ctx, u, e, "externalIdError", Map.of());
        }
    }

    /** Admins only; the platform keeps at least one administrator, as the API's role change does. */
    private void setRoles(Context ctx) {
        UserRow u = member(ctx);
        EnumSet<Role> roles = EnumSet.of(Role.MEMBER);
        if (ctx.formParam("operator") != null) {
            roles.add(Role.OPERATOR);
        }
        if (ctx.formParam("admin") != null) {
            roles.add(Role.ADMIN);
        }
        try {
            roleChanges.change(u.id(), roles);
            ConsoleSupport.redirect(ctx, back(u), "console_roles_saved");
        } catch (KindredException e) {
            refuse(ctx, u, e, "rolesError", Map.of());
        }
    }
}
