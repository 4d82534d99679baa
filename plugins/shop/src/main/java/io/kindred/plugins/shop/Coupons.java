package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The code pool (卡密) of a coupon (优惠券) item: the operator uploads codes or generates them; a redemption takes
 * free codes with a guarded update, so each code is handed out once.
 */
final class Coupons {

    /** What an upload or generation added. */
    record Added(int added, int duplicates, long couponsLeft) {
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int MAX_CODES = 10_000;

    private final PluginContext ctx;
    private final SecureRandom random = new SecureRandom();

    Coupons(PluginContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Hands {@code quantity} free codes of the item to a redemption, inside its transaction.
     *
     * @return the codes
     * @throws KindredException 409 {@code out_of_stock} when the pool has too few free codes
     */
    List<String> handOut(Handle tx, long itemId, long userId, long redemptionId, int quantity, long now) {
        List<Long> free = tx.createQuery("""
                        SELECT id FROM shop_coupon_codes WHERE item_id = :item AND handed_to IS NULL ORDER BY id LIMIT :q""")
                .bind("item", itemId).bind("q", quantity).mapTo(Long.class).list();
        if (free.size() < quantity) {
            throw outOfStock();
        }
        for (long codeId : free) {
            int taken = tx.createUpdate("""
                            UPDATE shop_coupon_codes SET handed_to = :user, redemption_id = :r, handed_at = :now
                             WHERE id = :id AND handed_to IS NULL""")
                    .bind("user", userId).bind("r", redemptionId).bind("now", now).bind("id", codeId).execute();
            if (taken != 1) {
                throw outOfStock();
            }
        }
        return codesOf(tx, redemptionId);
    }

    List<String> codesOf(Handle h, long redemptionId) {
        return h.createQuery("SELECT code FROM shop_coupon_codes WHERE redemption_id = :r ORDER BY id")
                .bind("r", redemptionId).mapTo(String.class).list();
    }

    /**
     * Adds codes from text: one per line, or the first column of CSV lines; blank lines skipped. A code given
     * twice in the text, or already in the pool, counts as a duplicate.
     */
    Added upload(long itemId, String text) {
        Set<String> codes = new LinkedHashSet<>();
        int given = 0;
        for (String line : text.split("\\R")) {
            String code = line.split("[,;\\t]", 2)[0].strip().replace("\"", "");
            if (!code.isEmpty()) {
                if (code.length() > 100) {
                    throw KindredException.invalidField("A coupon code is at most 100 characters: " + code.substring(0, 20) + "…");
                }
                codes.add(code);
                given++;
            }
        }
        return add(itemId, codes, given);
    }

    /** Generates {@code count} random codes of 12 characters. */
    Added generate(long itemId, int count) {
        if (count < 1 || count > MAX_CODES) {
            throw KindredException.invalidField("The field 'generate' must be between 1 and " + MAX_CODES + ".");
        }
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(b.toString());
        }
        return add(itemId, codes, codes.size());
    }

    /** @param given how many codes the operator gave, repeats included: the ones not added are duplicates */
    private Added add(long itemId, Set<String> codes, int given) {
        if (codes.size() > MAX_CODES) {
            throw KindredException.invalidField("At most " + MAX_CODES + " codes at once.");
        }
        long now = ctx.clock().millis();
        return ctx.db().write(tx -> {
            int added = 0;
            for (String code : new ArrayList<>(codes)) {
                added += tx.createUpdate("""
                                INSERT INTO shop_coupon_codes(item_id, code, created_at) VALUES (:item, :code, :now)
                                ON CONFLICT (item_id, code) DO NOTHING""")
                        .bind("item", itemId).bind("code", code).bind("now", now).execute();
            }
            long left = tx.createQuery("SELECT COUNT(*) FROM shop_coupon_codes WHERE item_id = :item AND handed_to IS NULL")
                    .bind("item", itemId).mapTo(Long.class).one();
            return new Added(added, given - added, left);
        });
    }

    static KindredException outOfStock() {
        return new KindredException(ShopError.OUT_OF_STOCK, "This item is out of stock.");
    }
}
