package io.kindred.server.customers;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.server.users.MemberIds;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Principal;

import java.util.Map;
import java.util.function.Consumer;

/** {@code POST /api/v1/admin/users/{id}/merge {"from": otherId}}: an operator merges two members who are one person. */
public final class MergeRoutes implements Consumer<CoreRouting> {

    record MergeBody(long from) {
    }

    private final MemberMerges merges;
    private final Auth auth;

    public MergeRoutes(MemberMerges merges, Auth auth) {
        this.merges = merges;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.scoped(Scope.MEMBERS_WRITE).post("/api/v1/admin/users/{id}/merge", Access.OPERATOR, this::merge);
    }

    private void merge(Context ctx) {
        long into;
        try {
            into = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw MemberIds.notFound(ctx.pathParam("id"));
        }
        MergeBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), MergeBody.class);
        String actor = auth.principal(ctx).map(Principal::label).orElse("unknown");
        MemberMerges.Merge m = merges.merge(actor, into, b.from());
        ctx.contentType("application/json").result(Json.write(Map.of("merge", m.toJson())));
    }
}
