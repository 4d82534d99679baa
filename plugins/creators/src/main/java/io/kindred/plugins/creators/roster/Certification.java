package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.referrals.DistributorRights;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Certification (认证加V): an approved applicant (or a member an operator certifies directly) becomes a creator with
 * a certificate code, and the grants the operator chose are applied — distribution rights, a membership plan,
 * points — each exactly once per grant key ({@code app:<applicationId>} or {@code direct:<key>}), however often
 * the approval is delivered or retried. Suspending or removing revokes the certification and the distribution
 * rights of source {@code creators}.
 */
final class Certification {

    static final String SOURCE = "creators";
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final PluginContext ctx;
    private final CreatorStore store;
    private final SecureRandom random = new SecureRandom();

    Certification(PluginContext ctx, CreatorStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** {@code creators.application_approved}. */
    void onApproved(Event e, Handle tx) {
        Approval a = Approval.of(e);
        certify(tx, a, "app:" + a.applicationId(), null);
    }

    /** An operator certifies a member directly (an outside creator); once per idempotency key. */
    Creator certifyDirectly(Member actor, Approval a, Optional<String> requestKey) {
        if (ctx.members().find(a.userId()).isEmpty()) {
            throw KindredException.notFound("There is no member " + a.userId() + ".");
        }
        String key = "direct:" + requestKey.orElseGet(() -> a.userId() + ":" + java.util.UUID.randomUUID());
        return ctx.db().write(tx -> {
            Creator c = certify(tx, a, key, actor);
            ctx.audit().record(tx, actor, "creators.certify", "user:" + a.userId(), a.level() + " " + a.title());
            return c;
        });
    }

    Creator certify(Handle tx, Approval a, String key, Member actor) {
        long now = ctx.clock().millis();
        if (!store.claimGrant(tx, key, "approval", a.userId(), a.level() + " " + a.title(), now)) {
            return store.find(tx, a.userId()).orElseThrow();
        }
        String code = store.find(tx, a.userId()).map(Creator::certificateCode).orElseGet(this::newCode);
        store.upsert(tx, a.userId(), a.category(), a.level(), a.title(), code, a.applicationId(), now);
        store.history(tx, a.userId(), "certified", a.category() + " / " + a.level() + " / " + a.title(), actorId(actor), now);
        applyGrants(tx, a, key, actor, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", a.userId());
        payload.put("category", a.category());
        payload.put("level", a.level());
        payload.put("title", a.title());
        payload.put("certificateCode", code);
        ctx.events().publish(tx, "creator.certified", a.userId(), payload);
        return store.find(tx, a.userId()).orElseThrow();
    }

    private void applyGrants(Handle tx, Approval a, String key, Member actor, long now) {
        if (a.distributionRights() && store.claimGrant(tx, key, "rights", a.userId(), null, now)) {
            ctx.services().find(DistributorRights.class).ifPresentOrElse(
                    d -> d.grant(a.userId(), SOURCE, a.title()),
                    () -> store.history(tx, a.userId(), "rights_skipped", "distribution is off", actorId(actor), now));
        }
        if (a.planCode() != null && store.claimGrant(tx, key, "plan", a.userId(), a.planCode(), now)) {
            Optional<MembershipService> membership = ctx.services().find(MembershipService.class);
            if (membership.isEmpty()) {
                store.history(tx, a.userId(), "plan_skipped", "membership is off", actorId(actor), now);
            } else {
                grantPlan(tx, membership.get(), a, key, actor, now);
            }
        }
        if (a.points() > 0 && store.claimGrant(tx, key, "points", a.userId(), String.valueOf(a.points()), now)) {
            ctx.ledger().credit(tx, a.userId(), "points", a.points(), "creators.certified", key, "creators:points:" + key);
        }
    }

    /** A plan that does not exist (any more) must not block the certification: the history says so instead. */
    private void grantPlan(Handle tx, MembershipService m, Approval a, String key, Member actor, long now) {
        try {
            m.grantPlan(a.userId(), a.planCode(), SOURCE, key);
        } catch (KindredException e) {
            store.history(tx, a.userId(), "plan_failed", a.planCode() + ": " + e.getMessage(), actorId(actor), now);
        }
    }

    Creator change(Member actor, long userId, Optional<String> category, Optional<String> level, Optional<String> title) {
        return ctx.db().write(tx -> {
            Creator c = require(tx, userId);
            Approval checked = new Approval(null, userId, category.orElse(c.category()), level.orElse(c.level()),
                    title.orElse(c.title()), false, null, 0);
            long now = ctx.clock().millis();
            store.update(tx, userId, checked.category(), checked.level(), checked.title(), now);
            String detail = checked.category() + " / " + checked.level() + " / " + checked.title();
            store.history(tx, userId, "changed", detail, actor.id(), now);
            ctx.audit().record(tx, actor, "creators.change", "user:" + userId, detail);
            return require(tx, userId);
        });
    }

    Creator suspend(Member actor, long userId, String reason) {
        return setStatus(actor, userId, Creator.SUSPENDED, reason);
    }

    Creator remove(Member actor, long userId, String reason) {
        return setStatus(actor, userId, Creator.REMOVED, reason);
    }

    Creator reinstate(Member actor, long userId) {
        return setStatus(actor, userId, Creator.ACTIVE, null);
    }

    private Creator setStatus(Member actor, long userId, String status, String reason) {
        return ctx.db().write(tx -> {
            Creator c = require(tx, userId);
            if (c.status().equals(status) || Creator.REMOVED.equals(c.status())) {
                throw new KindredException(RosterError.WRONG_STATUS, "The creator is " + c.status() + ".");
            }
            long now = ctx.clock().millis();
            store.setStatus(tx, userId, status, now);
            if (store.hadRights(tx, userId)) {
                ctx.services().find(DistributorRights.class).ifPresent(d -> {
                    if (Creator.ACTIVE.equals(status)) {
                        d.grant(userId, SOURCE, c.title());
                    } else {
                        d.revoke(userId, SOURCE, reason);
                    }
                });
            }
            store.history(tx, userId, status, reason, actor.id(), now);
            ctx.audit().record(tx, actor, "creators." + status, "user:" + userId, reason == null ? "" : reason);
            if (Creator.REMOVED.equals(status)) {
                ctx.events().publish(tx, "creator.removed", userId, Map.of("userId", userId));
            }
            return require(tx, userId);
        });
    }

    Creator require(Handle h, long userId) {
        return store.find(h, userId).orElseThrow(() -> new KindredException(RosterError.CREATOR_NOT_FOUND,
                "Member " + userId + " is not a creator."));
    }

    private String newCode() {
        StringBuilder s = new StringBuilder("KC-");
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                s.append('-');
            }
            s.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return s.toString();
    }

    private static Long actorId(Member actor) {
        return actor == null ? null : actor.id();
    }
}
