package io.kindred.plugins.distribution;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binding a newcomer to the member who invited them (锁粉): once per member, never to oneself, never in a
 * cycle; on registration or on the first purchase after an invite link (setting {@code bindingMode}); re-bound only
 * by an operator, with a reason that is kept. Emits {@code referral.bound} {userId, referrerId, source}.
 */
final class Bindings {

    /** Where a binding came from. */
    enum Source {
        REGISTRATION, FIRST_PURCHASE, OPERATOR;

        String code() {
            return name().toLowerCase();
        }
    }

    private final PluginContext ctx;
    private final BindingStore store;
    private final Notices notices;
    private final AfterBinding after;
    private final DistributionAudit audit;

    /** What else changes when a member gains a fan: the referrer's level and task progress. */
    interface AfterBinding {
        void fanAdded(Handle tx, long referrerId);
    }

    Bindings(PluginContext ctx, BindingStore store, Notices notices, DistributionAudit audit, AfterBinding after) {
        this.ctx = ctx;
        this.store = store;
        this.notices = notices;
        this.audit = audit;
        this.after = after;
    }

    /** {@code user.registered}: note the sign-up address; bind now, or note the invite as a click. */
    void onRegistered(Event e, Handle tx) {
        long userId = e.longValue("userId");
        Long referrerId = e.payload().get("referrerId") == null ? null : e.longValue("referrerId");
        store.signup(tx, userId, e.string("signupIp"), referrerId, e.createdAt().toEpochMilli());
        if (referrerId == null || referrerId == userId) {
            return;
        }
        if (bindOnRegistration()) {
            bindQuietly(tx, userId, referrerId, Source.REGISTRATION);
        } else {
            store.click(tx, userId, referrerId, e.createdAt().toEpochMilli());
        }
    }

    /** {@code referral.clicked}: a signed-in member opened someone's invite link; the last one counts. */
    void onClicked(Event e, Handle tx) {
        long userId = e.longValue("userId");
        long referrerId = e.longValue("referrerId");
        if (userId != referrerId && store.referrerOf(tx, userId).isEmpty()) {
            store.click(tx, userId, referrerId, e.createdAt().toEpochMilli());
        }
    }

    /**
     * Binds a buyer who is not bound yet, before their purchase earns anyone commission: from the invite code they
     * signed up with (registration mode; also when the purchase is handled before the sign-up), or from an invite
     * link opened within {@code attributionDays} (first-purchase mode).
     */
    void bindOnPurchase(Handle tx, long buyerId) {
        if (store.referrerOf(tx, buyerId).isPresent()) {
            return;
        }
        Optional<Long> referrer;
        if (bindOnRegistration()) {
            referrer = ctx.members().invitedBy(buyerId);
        } else {
            long since = ctx.clock().millis() - Duration.ofDays(ctx.settings().get(DistributionSettings.ATTRIBUTION_DAYS)).toMillis();
            referrer = store.clickedSince(tx, buyerId, since);
            if (referrer.isEmpty() && !store.hasClick(tx, buyerId)) {
                // The sign-up (with its code) may not have been handled yet: it happened moments ago.
                referrer = ctx.members().invitedBy(buyerId);
            }
        }
        referrer.ifPresent(r -> bindQuietly(tx, buyerId, r, bindOnRegistration() ? Source.REGISTRATION : Source.FIRST_PURCHASE));
    }

    /**
     * Binds a member who is not bound yet. @return whether a binding was made
     *
     * @throws KindredException {@code self_referral}, {@code referral_cycle}
     */
    boolean bind(Handle tx, long userId, long referrerId, Source source) {
        refuseSelfOrCycle(tx, userId, referrerId);
        if (!store.insert(tx, userId, referrerId, source.code(), ctx.clock().millis())) {
            return false;
        }
        publishBound(tx, userId, referrerId, source, null);
        notices.fanBound(tx, referrerId, userId);
        after.fanAdded(tx, referrerId);
        return true;
    }

    /**
     * Re-binds a member by an operator's decision, with a reason kept in the plugin's re-bind trail and in the audit
     * log; re-binding to the current referrer changes nothing.
     */
    void rebind(Member operator, long userId, long newReferrerId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw KindredException.missingField("reason");
        }
        ctx.members().find(userId).orElseThrow(() -> KindredException.notFound("There is no member " + userId + "."));
        ctx.members().find(newReferrerId).orElseThrow(() -> KindredException.notFound("There is no member " + newReferrerId + "."));
        ctx.db().write(tx -> {
            refuseSelfOrCycle(tx, userId, newReferrerId);
            Long old = store.referrerOf(tx, userId).orElse(null);
            if (old != null && old == newReferrerId) {
                return null;
            }
            store.rebind(tx, userId, old, newReferrerId, reason.strip(), Operators.idOf(operator), ctx.clock().millis());
            audit.rebound(tx, operator, userId, old, newReferrerId, reason);
            publishBound(tx, userId, newReferrerId, Source.OPERATOR, old);
            notices.fanBound(tx, newReferrerId, userId);
            after.fanAdded(tx, newReferrerId);
            if (old != null) {
                after.fanAdded(tx, old);
            }
            return null;
        });
    }

    private void bindQuietly(Handle tx, long userId, long referrerId, Source source) {
        try {
            bind(tx, userId, referrerId, source);
        } catch (KindredException refused) {
            // A self referral or a cycle from an invite link is simply not bound: there is nobody to tell.
        }
    }

    private void refuseSelfOrCycle(Handle tx, long userId, long referrerId) {
        if (userId == referrerId) {
            throw new KindredException(DistributionError.SELF_REFERRAL, "A member cannot be their own referrer.");
        }
        Set<Long> seen = new HashSet<>();
        for (Optional<Long> up = Optional.of(referrerId); up.isPresent() && seen.add(up.get()); up = store.referrerOf(tx, up.get())) {
            if (up.get() == userId) {
                throw new KindredException(DistributionError.REFERRAL_CYCLE, "Member " + referrerId
                        + " is already in member " + userId + "'s team: binding them would make a cycle.");
            }
        }
    }

    private void publishBound(Handle tx, long userId, long referrerId, Source source, Long previous) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", userId);
        payload.put("referrerId", referrerId);
        payload.put("source", source.code());
        if (previous != null) {
            payload.put("previousReferrerId", previous);
        }
        ctx.events().publish(tx, "referral.bound", userId, payload);
    }

    private boolean bindOnRegistration() {
        return "registration".equals(ctx.settings().get(DistributionSettings.BINDING_MODE));
    }
}
