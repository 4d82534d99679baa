package io.kindred.server.web;

import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import io.kindred.api.web.Scope;

import java.util.Set;

/**
 * Who is calling: a member through their session cookie, or a server through an API key.
 *
 * @param member    the signed-in member, or null for an API key
 * @param apiKey    the API key's name, or null
 * @param csrfToken the session's CSRF token, or null
 * @param scopes    what the API key may do (empty for a session)
 * @param via       how the caller is known, for the audit log, never a secret: {@code key:<id>} or
 *                  {@code session:<first characters of the session's stored hash>}; null when unknown
 */
public record Principal(Member member, String apiKey, String csrfToken, Set<Scope> scopes, String via) {

    public Principal {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A session's or an all-powerful key's principal, as before keys had scopes. */
    public Principal(Member member, String apiKey, String csrfToken) {
        this(member, apiKey, csrfToken, apiKey == null ? Set.of() : Set.of(Scope.ADMIN), null);
    }

    public boolean isApiKey() {
        return apiKey != null;
    }

    /** @return whether this is a session, or an API key that holds what {@code needed} asks for */
    public boolean holds(Scope needed) {
        return !isApiKey() || needed.grantedBy(scopes);
    }

    /** @return how records name who acted: {@code apikey:<name>} or {@code user:<id>} */
    public String actor() {
        return isApiKey() ? "apikey:" + apiKey : "user:" + member.id();
    }

    /** @return who this is, for the audit log: {@code admin@brand.example (#1)} or {@code API key shop-sync} */
    public String label() {
        if (isApiKey()) {
            return "API key " + apiKey;
        }
        if (member.roles().stream().allMatch(r -> r == io.kindred.api.users.Role.MEMBER)) {
            // A member (not staff) is named by number only in the append-only audit log, so erasing them leaves nothing.
            return "member #" + member.id();
        }
        return (member.email() == null ? member.displayName() : member.email()) + " (#" + member.id() + ")";
    }

    public boolean has(Role role) {
        return isApiKey() ? role != Role.MEMBER && holds(Scope.ADMIN) : member.hasRole(role);
    }
}
