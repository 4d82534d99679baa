package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.TransferRequest;
import io.kindred.api.membership.MembershipService;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Redeeming items for points and fulfilling the redemptions. A redemption is one write transaction: guarded
 * stock update, redemption row, ledger debit keyed by the redemption, coupon codes or badge, and the
 * {@code redemption.created} event; a refusal anywhere rolls all of it back.
 */
final class Redemptions {

    static final String ASSET = "points";

    /** What a redemption request answered; {@code replayed} marks the answer to a repeated Idempotency-Key. */
    record Result(Redemption redemption, boolean replayed) {
    }

    private final PluginContext ctx;
    private final ItemStore items;
    private final RedemptionStore store;
    private final Coupons coupons;
    private final Badges badges;

    Redemptions(PluginContext ctx, ItemStore items, RedemptionStore store, Coupons coupons, Badges badges) {
        this.ctx = ctx;
        this.items = items;
        this.store = store;
        this.coupons = coupons;
        this.badges = badges;
    }

    /**
     * Redeems {@code quantity} of an item for the member's points.
     *
     * @param address the shipping address typed in, or null to take the profile's
     * @throws KindredException 404 {@code not_found}; 409 {@code not_available}, {@code tier_required},
     *                          {@code benefit_required}, {@code limit_reached}, {@code out_of_stock},
     *                          {@code insufficient_points}; 400 {@code address_required}
     */
    Result redeem(long userId, long itemId, int quantity, String address, Optional<String> requestKey) {
        int maxQuantity = ctx.settings().get(ShopSettings.MAX_QUANTITY);
        if (quantity < 1 || quantity > maxQuantity) {
            throw KindredException.invalidField("The field 'quantity' must be between 1 and " + maxQuantity + ".");
        }
        String shipTo = address != null && !address.isBlank() ? address.strip() : profileAddress(userId);
        Instant now = ctx.clock().instant();
        return ctx.db().write(tx -> {
            if (requestKey.isPresent()) {
                // A repeat racing the first request waits for it here, then finds it by its key.
                items.hold(tx, itemId);
                Optional<Long> earlier = store.idByKey(tx, userId, requestKey.get());
                if (earlier.isPresent()) {
                    return new Result(load(tx, earlier.get()), true);
                }
            }
            Item item = items.find(tx, itemId).filter(Item::active)
                    .orElseThrow(() -> KindredException.notFound("There is no such item in the shop."));
            check(tx, userId, item, quantity, now);
            boolean physical = Item.PHYSICAL.equals(item.kind());
            if (physical && shipTo == null) {
                throw new KindredException(ShopError.ADDRESS_REQUIRED, "A physical item needs a shipping address.");
            }
            if (!items.takeStock(tx, itemId, quantity)) {
                throw Coupons.outOfStock();
            }
            long price = Math.multiplyExact(item.pricePoints(), (long) quantity);
            long id = store.insert(tx, userId, itemId, quantity, price, physical ? Redemption.PENDING : Redemption.COMPLETED,
                    physical ? shipTo : null, requestKey.orElse(null), now.toEpochMilli());
            if (price > 0) {
                ctx.ledger().debit(tx, userId, ASSET, price, "shop.redeem", "redemption:" + id, "shop:redeem:" + id);
            }
            if (Item.COUPON.equals(item.kind())) {
                coupons.handOut(tx, itemId, userId, id, quantity, now.toEpochMilli());
            } else if (Item.BADGE.equals(item.kind())) {
                badges.grant(tx, userId, itemId, id, now.toEpochMilli());
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("redemptionId", id);
            payload.put("userId", userId);
            payload.put("itemId", itemId);
            payload.put("kind", item.kind());
            payload.put("quantity", quantity);
            payload.put("pointsSpent", price);
            ctx.events().publish(tx, "redemption.created", userId, payload);
            return new Result(load(tx, id), false);
        });
    }

    /** The refusals that do not depend on stock or points: window, tier, exclusive benefit, limit per member. */
    private void check(Handle tx, long userId, Item item, int quantity, Instant now) {
        if (!item.availableAt(now)) {
            throw new KindredException(ShopError.NOT_AVAILABLE, "This item cannot be redeemed now.");
        }
        if (item.minTier() != null && item.minTier() > 0 && tierRank(userId) < item.minTier()) {
            throw new KindredException(ShopError.TIER_REQUIRED, "This item is reserved for members of tier V"
                    + item.minTier() + " and above.");
        }
        if (item.exclusive() && !hasExclusiveBenefit(userId)) {
            throw new KindredException(ShopError.BENEFIT_REQUIRED,
                    "This item is reserved for members with the exclusive points-shop benefit.");
        }
        if (item.limitPerMember() != null && store.quantityHeld(tx, userId, item.id()) + quantity > item.limitPerMember()) {
            throw new KindredException(ShopError.LIMIT_REACHED, "You can redeem at most " + item.limitPerMember()
                    + " of this item.");
        }
    }

    /** @return the member's tier rank; -1 without a membership service, so that every tier-only item is refused */
    int tierRank(long userId) {
        return ctx.services().find(MembershipService.class).map(m -> m.tierRank(userId)).orElse(-1);
    }

    /**
     * @return whether the member's tier or an active paid plan carries {@value Item#EXCLUSIVE_BENEFIT}; false
     * without a membership service, so that every exclusive item is refused
     */
    boolean hasExclusiveBenefit(long userId) {
        return ctx.services().find(MembershipService.class)
                .map(m -> m.hasBenefit(userId, Item.EXCLUSIVE_BENEFIT)).orElse(false);
    }

    String profileAddress(long userId) {
        return ctx.members().shippingAddress(userId).filter(a -> !a.isEmpty())
                .map(a -> String.join(", ", a.values())).orElse(null);
    }

    /** Notification type: the member's redemption was shipped. */
    static final String NOTIFY_SHIPPED = "shop.redemption_shipped";
    /** Notification type: the member's redemption was cancelled and the points returned. */
    static final String NOTIFY_CANCELLED = "shop.redemption_cancelled";

    /** Marks a pending physical redemption shipped; a retry with the same tracking answers the same. */
    Redemption ship(long id, String carrier, String trackingNumber) {
        return ctx.db().write(tx -> {
            Redemption r = load(tx, id);
            if (Redemption.SHIPPED.equals(r.status()) && trackingNumber.equals(r.trackingNumber())) {
                return r;
            }
            if (!store.transition(tx, id, Set.of(Redemption.PENDING), Redemption.SHIPPED, "shipped_at", ctx.clock().millis())) {
                throw notAllowed(r, "shipped");
            }
            store.setTracking(tx, id, carrier, trackingNumber);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("item", r.itemName());
            params.put("carrier", carrier == null ? "" : carrier);
            params.put("tracking", trackingNumber);
            ctx.notifications().send(tx, r.userId(), NOTIFY_SHIPPED, params, "/shop/redemptions", "shop:shipped:" + id);
            return load(tx, id);
        });
    }

    /** Marks a shipped (or pending) physical redemption delivered; a retry answers the same. */
    Redemption deliver(long id) {
        return ctx.db().write(tx -> {
            Redemption r = load(tx, id);
            if (Redemption.DELIVERED.equals(r.status())) {
                return r;
            }
            if (!store.transition(tx, id, Set.of(Redemption.PENDING, Redemption.SHIPPED), Redemption.DELIVERED,
                    "delivered_at", ctx.clock().millis())) {
                throw notAllowed(r, "delivered");
            }
            return load(tx, id);
        });
    }

    /**
     * Cancels a pending or shipped redemption: the points go back and the stock too, exactly once — a retried
     * cancel answers the cancelled redemption and moves nothing.
     */
    Redemption cancel(long id) {
        return ctx.db().write(tx -> {
            Redemption r = load(tx, id);
            if (Redemption.CANCELLED.equals(r.status())) {
                return r;
            }
            if (!store.transition(tx, id, Set.of(Redemption.PENDING, Redemption.SHIPPED), Redemption.CANCELLED,
                    "cancelled_at", ctx.clock().millis())) {
                // A cancel racing this one (PostgreSQL runs them side by side) may have won: then this is its repeat.
                Redemption now = load(tx, id);
                if (Redemption.CANCELLED.equals(now.status())) {
                    return now;
                }
                throw notAllowed(now, "cancelled");
            }
            if (r.pointsSpent() > 0) {
                ctx.ledger().transfer(tx, new TransferRequest(ASSET, AccountRef.system("spent"),
                        AccountRef.member(r.userId()), r.pointsSpent(), "shop.refund", "redemption:" + id,
                        "shop:refund:" + id));
            }
            items.returnStock(tx, r.itemId(), r.quantity());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("redemptionId", id);
            payload.put("userId", r.userId());
            payload.put("itemId", r.itemId());
            payload.put("quantity", r.quantity());
            payload.put("pointsRefunded", r.pointsSpent());
            ctx.events().publish(tx, "redemption.cancelled", r.userId(), payload);
            ctx.notifications().send(tx, r.userId(), NOTIFY_CANCELLED,
                    Map.of("item", r.itemName(), "points", r.pointsSpent()), "/shop/redemptions", "shop:cancelled:" + id);
            return load(tx, id);
        });
    }

    private static KindredException notAllowed(Redemption r, String to) {
        return new KindredException(ShopError.INVALID_STATUS, "A " + r.status() + " redemption cannot be " + to + ".");
    }

    Redemption load(Handle h, long id) {
        Redemption r = store.find(h, id).orElseThrow(() -> KindredException.notFound("There is no such redemption."));
        return r.withCoupons(coupons.codesOf(h, id));
    }

    Redemption find(long id) {
        return ctx.db().read(h -> load(h, id));
    }

    List<Redemption> ofMember(long userId, long before, int limit) {
        return ctx.db().read(h -> store.ofMember(h, userId, before, limit).stream()
                .map(r -> r.withCoupons(coupons.codesOf(h, r.id()))).toList());
    }

    List<Redemption> queue(String status, long before, int limit) {
        return ctx.db().read(h -> store.queue(h, status, before, limit));
    }
}
