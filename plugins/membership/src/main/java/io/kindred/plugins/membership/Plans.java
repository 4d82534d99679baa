package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paid plans (会员卡). Three ways in: a {@code purchase.recorded} whose {@code sku} is a plan's, an activation
 * code (激活码) from a batch, an operator grant. Activating a plan the member still holds extends it from its
 * current end; otherwise it runs from now. Each activation has a unique source key (purchase, code, grant),
 * so a repeat activates nothing. Emits {@code plan.activated} and {@code plan.expired} (also on revocation,
 * with {@code reason: "revoked"}). A plan whose end has passed gives no benefits even before the daily job
 * marks it expired.
 */
final class Plans {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PluginContext ctx;
    private final PlanStore store;

    Plans(PluginContext ctx, PlanStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** {@code purchase.recorded}: a plan's sku activates (or extends) it. */
    void onPurchase(Event e, Handle tx) {
        String sku = e.string("sku");
        if (sku == null || sku.isBlank()) {
            return;
        }
        store.planBySku(tx, sku).ifPresent(plan ->
                activate(tx, e.longValue("userId"), plan, "purchase:" + e.string("purchaseId"), "purchase"));
    }

    /**
     * {@code purchase.refunded}: a refunded card purchase takes back the time it added — the holding's end
     * moves back by the plan's months; when that end has passed the plan ends at once ({@code plan.expired},
     * reason {@code refunded}). A lifetime plan bought by the refunded purchase ends at once. Once per refund
     * (the refund event's own source key).
     */
    void onRefund(Event e, Handle tx) {
        String purchaseId = e.string("purchaseId");
        var activation = store.activation(tx, "purchase:" + purchaseId).orElse(null);
        if (activation == null || !store.insertActivation(tx, activation.getKey(), activation.getValue(),
                "refund:" + purchaseId, null, ctx.clock().millis())) {
            return;
        }
        long userId = activation.getKey();
        Plan plan = store.plan(tx, activation.getValue()).orElse(null);
        PlanStore.Holding held = store.holding(tx, userId, activation.getValue()).orElse(null);
        long now = ctx.clock().millis();
        if (plan == null || held == null || !held.activeAt(now)) {
            return;
        }
        Long endsAt = plan.months() == 0 || held.endsAt() == null ? Long.valueOf(now)
                : Instant.ofEpochMilli(held.endsAt()).atZone(ZoneOffset.UTC).minusMonths(plan.months()).toInstant().toEpochMilli();
        if (endsAt <= now) {
            store.setEnd(tx, userId, plan.code(), now, "expired", now);
            ctx.events().publish(tx, "plan.expired", userId, Map.of("userId", userId, "planCode", plan.code(),
                    "reason", "refunded"));
        } else {
            store.setEnd(tx, userId, plan.code(), endsAt, "active", now);
        }
    }

    /**
     * Activates or extends a plan, once per {@code sourceKey}.
     *
     * @return the holding's end (epoch ms), null for lifetime
     */
    Long activate(Handle tx, long userId, Plan plan, String sourceKey, String source) {
        long now = ctx.clock().millis();
        PlanStore.Holding held = store.holding(tx, userId, plan.code()).orElse(null);
        boolean current = held != null && held.activeAt(now);
        Long endsAt;
        long startsAt = current ? held.startsAt() : now;
        if (plan.months() == 0 || (current && held.endsAt() == null)) {
            endsAt = null;
        } else {
            long base = current ? held.endsAt() : now;
            endsAt = Instant.ofEpochMilli(base).atZone(ZoneOffset.UTC).plusMonths(plan.months()).toInstant().toEpochMilli();
        }
        if (!store.insertActivation(tx, userId, plan.code(), sourceKey, endsAt, now)) {
            return held == null ? null : held.endsAt();
        }
        store.upsertHolding(tx, userId, plan.code(), startsAt, endsAt, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", userId);
        payload.put("planCode", plan.code());
        payload.put("endsAt", endsAt == null ? null : Instant.ofEpochMilli(endsAt).toString());
        payload.put("source", source);
        payload.put("extended", current);
        ctx.events().publish(tx, "plan.activated", userId, payload);
        return endsAt;
    }

    /**
     * A member starts a plan's free trial: {@code trialDays} from now, once per member and plan, and only for a
     * member who never held the plan (409 {@code trial_used}); 409 {@code no_trial} when the plan has none.
     *
     * @return the trial's end
     */
    Map<String, Object> startTrial(long userId, String planCode, java.util.Locale locale) {
        return ctx.db().write(tx -> {
            Plan plan = plan(tx, planCode);
            if (plan.trialDays() <= 0 || !plan.active()) {
                throw new KindredException(MembershipError.NO_TRIAL, "This membership card has no free trial.");
            }
            long now = ctx.clock().millis();
            if (store.holding(tx, userId, plan.code()).isPresent()) {
                throw new KindredException(MembershipError.TRIAL_USED, "The free trial is for members who never held this card.");
            }
            long endsAt = now + plan.trialDays() * 86_400_000L;
            if (!store.insertActivation(tx, userId, plan.code(), "trial:" + userId + ":" + plan.code(), endsAt, now)) {
                throw new KindredException(MembershipError.TRIAL_USED, "The free trial is for members who never held this card.");
            }
            store.upsertHolding(tx, userId, plan.code(), now, endsAt, now);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("userId", userId);
            payload.put("planCode", plan.code());
            payload.put("endsAt", Instant.ofEpochMilli(endsAt).toString());
            payload.put("source", "trial");
            payload.put("extended", false);
            ctx.events().publish(tx, "plan.activated", userId, payload);
            return holdingJson(plan, endsAt, locale);
        });
    }

    /** An operator's grant. @return the holding's end, null for lifetime */
    Long grant(long userId, String planCode, String requestKey) {
        return ctx.db().write(tx -> {
            Plan plan = plan(tx, planCode);
            if (ctx.members().find(userId).isEmpty()) {
                throw KindredException.notFound("There is no member " + userId + ".");
            }
            String key = "grant:" + (requestKey != null ? requestKey : java.util.UUID.randomUUID());
            return activate(tx, userId, plan, key, "grant");
        });
    }

    /** An operator's revocation. @return whether the member held the plan */
    boolean revoke(long userId, String planCode) {
        return ctx.db().write(tx -> {
            plan(tx, planCode);
            if (!store.revoke(tx, userId, planCode, ctx.clock().millis())) {
                return false;
            }
            ctx.events().publish(tx, "plan.expired", userId, Map.of("userId", userId, "planCode", planCode,
                    "reason", "revoked"));
            return true;
        });
    }

    /** The daily job: marks plans that ended expired. @return how many */
    int expire(long now) {
        return ctx.db().write(tx -> {
            List<PlanStore.Holding> ended = store.expire(tx, now);
            for (PlanStore.Holding h : ended) {
                ctx.events().publish(tx, "plan.expired", h.userId(), Map.of("userId", h.userId(),
                        "planCode", h.planCode(), "reason", "ended",
                        "endedAt", Instant.ofEpochMilli(h.endsAt()).toString()));
                notify(tx, h, NOTIFY_CARD_EXPIRED);
            }
            return ended.size();
        });
    }

    /** Notification type: a card (paid plan) ends within 7 days. */
    static final String NOTIFY_CARD_EXPIRING = "membership.card_expiring";
    /** Notification type: a card (paid plan) ended. */
    static final String NOTIFY_CARD_EXPIRED = "membership.card_expired";

    /** The daily job: tells members whose card ends within 7 days, once per card and end. @return how many */
    int remindExpiring(long now) {
        return ctx.db().write(tx -> {
            List<PlanStore.Holding> ending = store.ending(tx, now, now + java.time.Duration.ofDays(7).toMillis());
            ending.forEach(h -> notify(tx, h, NOTIFY_CARD_EXPIRING));
            return ending.size();
        });
    }

    private void notify(Handle tx, PlanStore.Holding h, String type) {
        String name = store.plan(tx, h.planCode()).map(Plan::name).orElse(h.planCode());
        String day = java.time.LocalDate.ofInstant(Instant.ofEpochMilli(h.endsAt()), ctx.siteZone()).toString();
        ctx.notifications().send(tx, h.userId(), type, Map.of("plan", name, "day", day), "/membership",
                type + ":" + h.planCode() + ":" + h.endsAt());
    }

    /** Generates a batch of activation codes for a plan. @return the codes */
    Map<String, Object> generate(String planCode, int size, String note, Long operatorId) {
        if (size < 1 || size > 10_000) {
            throw KindredException.invalidField("count must be between 1 and 10000.");
        }
        return ctx.db().write(tx -> {
            plan(tx, planCode);
            long batch = store.insertBatch(tx, planCode, size, note, operatorId, ctx.clock().millis());
            List<String> codes = new ArrayList<>();
            while (codes.size() < size) {
                String code = newCode();
                if (store.insertCode(tx, code, batch, planCode)) {
                    codes.add(code);
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", batch);
            m.put("planCode", planCode);
            m.put("size", size);
            m.put("codes", codes);
            return m;
        });
    }

    /**
     * A member redeems an activation code: the first claim wins, every later use (by anyone) is refused with
     * 409 {@code code_already_used}; an unknown code is 404 {@code code_not_found}.
     */
    Map<String, Object> redeem(long userId, String rawCode, java.util.Locale locale) {
        String code = normalise(rawCode);
        return ctx.db().write(tx -> {
            String planCode = store.codePlan(tx, code).orElseThrow(() -> new KindredException(MembershipError.CODE_NOT_FOUND,
                    "This activation code does not exist. Check the code printed on your card."));
            if (!store.claimCode(tx, code, userId, ctx.clock().millis())) {
                throw new KindredException(MembershipError.CODE_ALREADY_USED, "This activation code has already been used.");
            }
            Plan plan = plan(tx, planCode);
            Long endsAt = activate(tx, userId, plan, "code:" + code, "code");
            return holdingJson(plan, endsAt, locale);
        });
    }

    /** @return true when the member never held the plan (so its free trial is open to them) */
    boolean neverHeld(Handle h, long userId, String planCode) {
        return store.holding(h, userId, planCode).isEmpty();
    }

    /** @return the member's active plans as {@code {code,name,endsAt}} */
    List<Map<String, Object>> activePlans(Handle h, long userId, java.util.Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlanStore.Holding held : store.activeHoldings(h, userId, ctx.clock().millis())) {
            store.plan(h, held.planCode()).ifPresent(p -> out.add(holdingJson(p, held.endsAt(), locale)));
        }
        return out;
    }

    /** @return the benefit codes of the member's active plans */
    List<String> planBenefits(Handle h, long userId) {
        List<String> out = new ArrayList<>();
        for (PlanStore.Holding held : store.activeHoldings(h, userId, ctx.clock().millis())) {
            store.plan(h, held.planCode()).ifPresent(p -> out.addAll(p.benefits()));
        }
        return out;
    }

    List<Plan> catalog(Handle h) {
        return store.plans(h, true);
    }

    private Plan plan(Handle h, String code) {
        if (code == null || code.isBlank()) {
            throw KindredException.missingField("planCode");
        }
        return store.plan(h, code).orElseThrow(() -> new KindredException(MembershipError.PLAN_NOT_FOUND,
                "There is no plan '" + code + "'."));
    }

    private static Map<String, Object> holdingJson(Plan plan, Long endsAt, java.util.Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", plan.code());
        m.put("name", plan.name(locale));
        m.put("endsAt", endsAt == null ? null : Instant.ofEpochMilli(endsAt).toString());
        return m;
    }

    private static String newCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Accepts a code typed with or without dashes and spaces, in any case. */
    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw KindredException.missingField("code");
        }
        String s = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }
}
