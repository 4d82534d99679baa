package io.kindred.server.users;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.users.Role;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /api/v1/admin/users}: member search, detail, labels, roles, external ids and CSV import. */
public final class AdminUserRoutes implements Consumer<CoreRouting> {

    /** Optional here so that a missing label is {@code invalid_field}, as documented, like a bad one. */
    record LabelBody(Optional<String> label) {
    }

    record RolesBody(List<String> roles) {
    }

    /** Optional here so that a missing part is {@code invalid_field}, as documented, like a bad one. */
    record ExternalIdBody(Optional<String> system, Optional<String> externalId) {
    }

    private final Database db;
    private final UserStore users;
    private final CustomerImport importer;
    private final Clock clock;

    private final java.util.function.Function<io.javalin.http.Context, String> actor;

    private final RoleChanges roleChanges;

    public AdminUserRoutes(Database db, UserStore users, CustomerImport importer, Clock clock,
                           java.util.function.Function<io.javalin.http.Context, String> actor, RoleChanges roleChanges) {
        this.roleChanges = roleChanges;
        this.actor = actor;
        this.db = db;
        this.users = users;
        this.importer = importer;
        this.clock = clock;
    }

    @Override
    public void accept(CoreRouting r) {
        // GET /api/v1/admin/users (search and filters) is segments/SegmentRoutes'.
        r.scoped(Scope.MEMBERS_READ).get("/api/v1/admin/users/{id}", Access.OPERATOR, ctx -> json(ctx, 200, Map.of("user", detail(id(ctx)))));
        r.scoped(Scope.MEMBERS_WRITE).post("/api/v1/admin/users/{id}/labels", Access.OPERATOR, this::addLabel);
        r.scoped(Scope.MEMBERS_WRITE).delete("/api/v1/admin/users/{id}/labels/{label}", Access.OPERATOR, this::removeLabel);
        r.put("/api/v1/admin/users/{id}/roles", Access.ADMIN, this::setRoles);
        r.scoped(Scope.MEMBERS_WRITE).post("/api/v1/admin/users/{id}/external-ids", Access.OPERATOR, this::linkExternalId);
        r.scoped(Scope.MEMBERS_WRITE).post("/api/v1/admin/users/import", Access.OPERATOR, ctx -> json(ctx, 200, Map.of("report",
                importer.run(ctx.body(), actor.apply(ctx), "api", (done, total) -> { }))));
    }

    private long id(Context ctx) {
        return MemberIds.existing(ctx, users);
    }

    private Map<String, Object> detail(long id) {
        return db.read(h -> {
            UserRow u = users.byId(h, id).orElseThrow();
            Map<String, Object> m = u.toJson();
            m.putAll(u.summary(users.labels(h, id)));
            m.put("referredByCode", u.referredByCode());
            m.put("externalIds", users.externalIds(h, id));
            // A merged member answers with where it went.
            m.put("mergedInto", users.mergedInto(h, id).map(x -> users.current(h, x)).orElse(null));
            return m;
        });
    }

    private void addLabel(Context ctx) {
        long id = id(ctx);
        String label = CustomerImport.checkLabel(Bodies.read(Json.CORE, ctx.bodyAsBytes(), LabelBody.class).label().orElse(null));
        db.write(h -> users.addLabel(h, id, label, clock.millis()));
        json(ctx, 200, Map.of("user", detail(id)));
    }

    private void removeLabel(Context ctx) {
        long id = id(ctx);
        db.write(h -> users.removeLabel(h, id, ctx.pathParam("label")));
        json(ctx, 200, Map.of("user", detail(id)));
    }

    private void setRoles(Context ctx) {
        long id = id(ctx);
        RolesBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), RolesBody.class);
        EnumSet<Role> roles = EnumSet.of(Role.MEMBER);
        for (String r : b.roles()) {
            try {
                roles.add(Role.valueOf(String.valueOf(r).trim().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw KindredException.invalidField("Unknown role '" + r + "'; the roles are member, operator, admin.");
            }
        }
        roleChanges.change(id, roles);
        json(ctx, 200, Map.of("user", detail(id)));
    }

    private void linkExternalId(Context ctx) {
        long id = id(ctx);
        ExternalIdBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), ExternalIdBody.class);
        String system = b.system().map(String::trim).filter(s -> s.matches("[a-z0-9_.-]{1,40}")).orElseThrow(() ->
                KindredException.invalidField("The system is 1 to 40 lower-case letters, digits, . _ or -."));
        String externalId = b.externalId().filter(e -> !e.isBlank() && e.length() <= 100).map(String::trim).orElseThrow(() ->
                KindredException.invalidField("The externalId is 1 to 100 characters."));
        db.write(h -> users.linkExternalId(h, id, system, externalId, clock.millis()))
                .ifPresent(other -> {
                    throw new KindredException(CoreError.EXTERNAL_ID_TAKEN, "This external id belongs to member " + other + ".");
                });
        json(ctx, 200, Map.of("user", detail(id)));
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
