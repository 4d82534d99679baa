package io.kindred.server.users;

import io.kindred.api.db.Database;
import io.kindred.api.users.Role;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.web.Json;

import java.util.List;
import java.util.Set;

/**
 * An administrator's change of a member's roles, from the admin API or the console: the platform keeps at least
 * one administrator, and the audit log keeps the roles before and after.
 *
 * <pre>{@code
 * roleChanges.change(7, EnumSet.of(Role.MEMBER, Role.OPERATOR));
 * }</pre>
 */
public final class RoleChanges {

    private final Database db;
    private final UserStore users;
    private final AuditLog audit;

    public RoleChanges(Database db, UserStore users, AuditLog audit) {
        this.db = db;
        this.users = users;
        this.audit = audit;
    }

    /** @throws io.kindred.api.KindredException 409 {@code last_admin} when no administrator would be left */
    public void change(long userId, Set<Role> roles) {
        db.write(h -> {
            List<String> before = users.roleCodes(h, userId);
            users.changeRoles(h, userId, roles);
            List<String> after = users.roleCodes(h, userId);
            if (!before.equals(after)) {
                audit.change(h, "member.roles_changed", "user:" + userId, "Changed the roles of member #" + userId
                        + " to " + String.join(", ", after) + ".", Json.write(before), Json.write(after));
            }
            return null;
        });
    }
}
