package io.kindred.plugins.community;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.util.LinkedHashMap;
import java.util.Map;

/** A member's standing as the API and the console show it: trust level, the limits, sanctions in force and past. */
final class Standings {

    private final PluginContext ctx;
    private final Trust trust;
    private final Sanctions sanctions;

    Standings(PluginContext ctx, Trust trust, Sanctions sanctions) {
        this.ctx = ctx;
        this.trust = trust;
        this.sanctions = sanctions;
    }

    /** @return level, days, check-ins, tier, the new-member limits and the sanction in force (or null) */
    Map<String, Object> standing(Member m) {
        ModerationRules rules = ModerationRules.current(ctx.settings());
        Map<String, Object> json = new LinkedHashMap<>(trust.of(m, rules).json());
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("postsPerDay", rules.newMemberPostsPerDay());
        limits.put("commentsPerDay", rules.newMemberCommentsPerDay());
        limits.put("linksPerPost", rules.newMemberLinksPerPost());
        limits.put("imagesPerPost", rules.newMemberImagesPerPost());
        limits.put("postsPerTenMinutes", rules.postsPerTenMinutes());
        limits.put("commentsPerMinute", rules.commentsPerMinute());
        json.put("newMemberLimits", limits);
        json.put("sanction", sanctions.inForce(m.id()).map(Sanction::json).orElse(null));
        return json;
    }

    /** @return the member's id, name, standing and sanctions, latest first */
    Map<String, Object> member(Member m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("displayName", m.displayName());
        json.put("standing", standing(m));
        json.put("sanctions", sanctions.history(m.id()).stream().map(Sanction::json).toList());
        return json;
    }

    /** @return the member, or 404 {@code user_not_found} */
    Member find(long id) {
        return ctx.members().find(id).orElseThrow(() -> new KindredException(CoreError.USER_NOT_FOUND, "No such member."));
    }
}
