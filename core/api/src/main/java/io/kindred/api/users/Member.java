package io.kindred.api.users;

import java.time.LocalDate;
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
 * @param birthday    the birthday from the member's profile, or null when unknown, e.g.
 *                    {@code m.birthday() != null && MonthDay.from(m.birthday()).equals(MonthDay.from(today))}
 */
public record Member(long id, String email, String displayName, Set<Role> roles, String locale, LocalDate birthday) {

    /** A member whose birthday is unknown. */
    public Member(long id, String email, String displayName, Set<Role> roles, String locale) {
        this(id, email, displayName, roles, locale, null);
    }

    /** @param role a role @return whether the member holds it (admins hold every role) */
    public boolean hasRole(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
