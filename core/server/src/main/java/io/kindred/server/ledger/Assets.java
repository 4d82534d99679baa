package io.kindred.server.ledger;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.api.ledger.ExpiryPolicy;
import io.kindred.server.config.SiteSettings;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered assets. The expiry policy in force is the operator's setting
 * {@code ledger.<code>.expiry} when set, else the asset's default.
 */
public final class Assets {

    /** An asset as the ledger applies it. */
    public record Asset(String code, boolean allowNegative, boolean spendable, ExpiryPolicy defaultExpiry,
                        int defaultExpiryDays) {
    }

    private final Database db;
    private final Clock clock;
    private final SiteSettings settings;
    private final Map<String, Asset> known = new ConcurrentHashMap<>();

    public Assets(Database db, Clock clock, SiteSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        db.read(h -> h.createQuery("SELECT code, allow_negative, spendable FROM ledger_assets")
                .map((rs, c) -> new Asset(rs.getString(1), rs.getInt(2) == 1, rs.getInt(3) == 1, ExpiryPolicy.NEVER, 0))
                .list()).forEach(a -> known.put(a.code(), a));
    }

    public void register(String owner, AssetDefinition def) {
        db.write(h -> h.createUpdate("""
                        INSERT INTO ledger_assets(code, owner, allow_negative, spendable, created_at)
                        VALUES (:code, :owner, :neg, :spend, :now)
                        ON CONFLICT (code) DO UPDATE SET owner = excluded.owner, allow_negative = excluded.allow_negative,
                                                         spendable = excluded.spendable""")
                .bind("code", def.code()).bind("owner", owner).bind("neg", def.allowNegative() ? 1 : 0)
                .bind("spend", def.spendable() ? 1 : 0).bind("now", clock.millis()).execute());
        known.put(def.code(), new Asset(def.code(), def.allowNegative(), def.spendable(), def.expiry(), def.expiryDays()));
    }

    public Asset require(String code) {
        Asset a = code == null ? null : known.get(code);
        if (a == null) {
            throw new KindredException(CoreError.UNKNOWN_ASSET, "There is no asset '" + code + "'.");
        }
        return a;
    }

    public Optional<Asset> find(String code) {
        return Optional.ofNullable(known.get(code));
    }

    public Map<String, Asset> all() {
        return Map.copyOf(known);
    }

    public ExpiryPolicy expiryOf(Asset a) {
        return settings.raw("ledger." + a.code() + ".expiry").map(v -> {
            try {
                return ExpiryPolicy.fromCode(v);
            } catch (IllegalArgumentException e) {
                return a.defaultExpiry();
            }
        }).orElse(a.defaultExpiry());
    }

    public int expiryDaysOf(Asset a) {
        return settings.raw("ledger." + a.code() + ".expiry-days").map(v -> {
            try {
                return Math.max(1, Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return Math.max(1, a.defaultExpiryDays());
            }
        }).orElse(Math.max(1, a.defaultExpiryDays()));
    }
}
