package io.kindred.plugins.creators.agencies;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/**
 * Agencies and their managers. A manager is a member an operator put in charge of one agency (a role inside this
 * plugin, kept in {@code creator_agency_managers}); they see that agency's creators, contracts and share, nothing
 * else. Operators see every agency. Every change is audited.
 */
final class Agencies {

    private final PluginContext ctx;
    private final AgencyStore store;

    Agencies(PluginContext ctx, AgencyStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    Agency create(Member operator, AgencyStore.Fields fields) {
        AgencyStore.Fields f = checked(fields);
        return ctx.db().write(tx -> {
            uniqueName(tx, f.name(), 0);
            long id = store.insert(tx, f, ctx.clock().millis());
            ctx.audit().record(tx, operator, "creators.agency_created", target(id), "Agency '" + f.name() + "' created.");
            return store.find(tx, id).orElseThrow();
        });
    }

    Agency update(Member operator, long id, AgencyStore.Fields fields) {
        AgencyStore.Fields f = checked(fields);
        return ctx.db().write(tx -> {
            Agency before = find(tx, id);
            uniqueName(tx, f.name(), id);
            store.update(tx, id, f, ctx.clock().millis());
            String detail = before.status().equals(f.status()) ? "Agency '" + f.name() + "' edited."
                    : "Agency '" + f.name() + "' edited, status " + before.status() + " → " + f.status() + ".";
            ctx.audit().record(tx, operator, "creators.agency_updated", target(id), detail);
            return store.find(tx, id).orElseThrow();
        });
    }

    Agency find(long id) {
        return ctx.db().read(h -> find(h, id));
    }

    Agency find(Handle h, long id) {
        return store.find(h, id).orElseThrow(() -> KindredException.notFound("There is no agency " + id + "."));
    }

    List<Agency> list(long before, int limit) {
        return ctx.db().read(h -> store.list(h, before, limit));
    }

    List<Member> managers(long agencyId) {
        return ctx.db().read(h -> store.managers(h, agencyId)).stream().map(ctx.members()::find)
                .flatMap(Optional::stream).toList();
    }

    void addManager(Member operator, long agencyId, long userId) {
        Member m = ctx.members().find(userId).orElseThrow(() -> KindredException.notFound("There is no member " + userId + "."));
        ctx.db().write(tx -> {
            find(tx, agencyId);
            Optional<Long> current = store.managedBy(tx, userId);
            if (current.isPresent() && current.get() == agencyId) {
                return null;
            }
            if (current.isPresent() || !store.addManager(tx, agencyId, userId, ctx.clock().millis())) {
                throw new KindredException(AgencyError.MANAGES_ANOTHER, m.displayName() + " already manages agency "
                        + current.orElse(0L) + "; remove them there first.");
            }
            ctx.audit().record(tx, operator, "creators.agency_manager_added", target(agencyId),
                    "Member #" + userId + " made a manager of the agency.");
            return null;
        });
    }

    void removeManager(Member operator, long agencyId, long userId) {
        ctx.db().write(tx -> {
            find(tx, agencyId);
            if (store.removeManager(tx, agencyId, userId)) {
                ctx.audit().record(tx, operator, "creators.agency_manager_removed", target(agencyId),
                        "Member #" + userId + " is no longer a manager of the agency.");
            }
            return null;
        });
    }

    /** @return the agency the member manages; a 403 {@code not_your_agency} when they manage none */
    long managedBy(Member member) {
        return ctx.db().read(h -> store.managedBy(h, member.id())).orElseThrow(() -> new KindredException(
                AgencyError.NOT_YOUR_AGENCY, "You do not manage an agency."));
    }

    /** Lets operators and the agency's own managers through; a 403 {@code not_your_agency} for anyone else. */
    void requireViewer(Member member, long agencyId) {
        if (member.hasRole(Role.OPERATOR)) {
            return;
        }
        Optional<Long> managed = ctx.db().read(h -> store.managedBy(h, member.id()));
        if (managed.isEmpty() || managed.get() != agencyId) {
            throw new KindredException(AgencyError.NOT_YOUR_AGENCY, "You may only see the agency you manage.");
        }
    }

    static String target(long agencyId) {
        return "creators:agency:" + agencyId;
    }

    private void uniqueName(Handle tx, String name, long self) {
        store.byName(tx, name).filter(a -> a.id() != self).ifPresent(a -> {
            throw new KindredException(AgencyError.AGENCY_EXISTS, "An agency named '" + name + "' exists already (#" + a.id() + ").");
        });
    }

    private static AgencyStore.Fields checked(AgencyStore.Fields f) {
        String name = text(f.name(), "name", 1, 100);
        String status = f.status() == null || f.status().isBlank() ? "active" : f.status().strip();
        if (!Agency.STATUSES.contains(status)) {
            throw KindredException.invalidField("The field 'status' must be active, suspended or closed.");
        }
        String email = text(f.contactEmail(), "contactEmail", 0, 200);
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw KindredException.invalidField("The field 'contactEmail' must be an email address.");
        }
        String phone = text(f.contactPhone(), "contactPhone", 0, 40);
        if (!phone.isEmpty() && !phone.matches("[0-9 +()-]{3,40}")) {
            throw KindredException.invalidField("The field 'contactPhone' must be a phone number.");
        }
        return new AgencyStore.Fields(name, text(f.contactPerson(), "contactPerson", 0, 100), phone, email, status,
                text(f.notes(), "notes", 0, 2000));
    }

    private static String text(String value, String field, int min, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max) {
            throw KindredException.invalidField("The field '" + field + "' must be " + min + " to " + max + " characters.");
        }
        return v;
    }
}
