package io.kindred.server.web;

import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

/**
 * Who is calling: a member through their session cookie, or a server through an API key.
 *
 * @param member    the signed-in member, or null for an API key
 * @param apiKey    the API key's name, or null
 * @param csrfToken the session's CSRF token, or null
 */
public record Principal(Member member, String apiKey, String csrfToken) {

    public boolean isApiKey() {
        return apiKey != null;
    }

    /** @return how records name who acted: {@code apikey:<name>} or {@code user:<id>} */
    public String actor() {
        return isApiKey() ? "apikey:" + apiKey : "user:" + member.id();
    }

    /** @return who this is, for the audit log: {@code admin@brand.example (#1)} or {@code API key shop-sync} */
    public String label() {
        return isApiKey() ? "API key " + apiKey
                : (member.email() == null ? member.displayName() : member.email()) + " (#" + member.id() + ")";
    }

    public boolean has(Role role) {
        return isApiKey() ? role != Role.MEMBER : member.hasRole(role);
    }
}
