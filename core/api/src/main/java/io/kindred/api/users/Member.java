package io.kindred.api.users;

import java.util.Set;

/**
 * A person with an account, as plugins see them.
 *
 * <pre>{@code
 * Member m = x.requireMember();
 * if (m.hasRole(Role.OPERATOR)) { ... }
 * }</pre>
 *
 * @param id          unified member id
 * @param email       email, or null for members known by phone only
 * @param displayName name shown to others
 * @param roles       roles held
 * @param locale      preferred language tag (e.g. {@code zh-CN}), or null
 */
public record Member(long id, String email, String displayName, Set<Role> roles, String locale) {

    /** @param role a role @return whether the member holds it (admins hold every role) */
    public boolean hasRole(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
