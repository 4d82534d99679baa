package io.kindred.api.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do. Every operator or admin route names the scope a key needs to call it ({@link #ADMIN}
 * unless the route says otherwise); a key holds one or more scopes, chosen when it is made. Sessions are not
 * scoped: a signed-in operator or admin is checked by role. API keys never open console pages, whatever their scopes.
 *
 * <pre>{@code
 * ctx.routes().group("/api/v1/admin/shop", Access.OPERATOR, Scope.SHOP_WRITE, g -> g.post("/items", admin::create));
 * ctx.routes().scoped(Scope.MEMBERS_READ).get("/api/v1/admin/community/members", Access.OPERATOR, admin::members);
 * }</pre>
 */
public enum Scope {
    /** Record purchases and refunds (the brand's shop or ERP). */
    PURCHASES_WRITE("purchases:write"),
    /** Search and read members, their balances and ledgers. */
    MEMBERS_READ("members:read"),
    /** Change members' labels, external ids and profiles, import customers (implies {@link #MEMBERS_READ}). */
    MEMBERS_WRITE("members:write"),
    /** Adjust members' balances (credit or debit points, growth, ...). */
    LEDGER_WRITE("ledger:write"),
    /** Create, change and remove webhooks and read their deliveries. */
    WEBHOOKS_MANAGE("webhooks:manage"),
    /** Change the points shop's catalogue and orders. */
    SHOP_WRITE("shop:write"),
    /** Everything an administrator may do through the API, including API keys, roles, settings and plugins. */
    ADMIN("admin");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    /** @return the scope as keys, the console, the docs and OpenAPI ({@code x-kindred-scope}) name it */
    public String code() {
        return code;
    }

    /** @return whether a key holding {@code held} may call a route that needs this scope */
    public boolean grantedBy(Collection<Scope> held) {
        return held.contains(this) || held.contains(ADMIN) || (this == MEMBERS_READ && held.contains(MEMBERS_WRITE));
    }

    /** @return the scope with this code ({@code purchases:write}), if there is one */
    public static Optional<Scope> ofCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(c)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
