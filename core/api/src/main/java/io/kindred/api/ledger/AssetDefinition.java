package io.kindred.api.ledger;

/**
 * A named unit that the ledger keeps accounts of: {@code points}, {@code growth}, {@code commission}, …
 * The expiry given here is the default; the operator may change it (setting
 * {@code ledger.<code>.expiry}).
 *
 * <pre>{@code
 * ctx.asset(AssetDefinition.of("growth").spendable(false));
 * }</pre>
 *
 * @param code          snake_case code, unique on the platform
 * @param allowNegative whether member balances may go below zero (e.g. a debt after a refund)
 * @param spendable     whether members can spend it (shown as such to members); growth is not
 * @param expiry        default expiry policy
 * @param expiryDays    days for {@link ExpiryPolicy#DAYS_AFTER_EARNING}
 */
public record AssetDefinition(String code, boolean allowNegative, boolean spendable,
                              ExpiryPolicy expiry, int expiryDays) {

    /** Validates the code. */
    public AssetDefinition {
        if (code == null || !code.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("asset code must be snake_case, at most 32 characters: " + code);
        }
        if (expiry == null) {
            expiry = ExpiryPolicy.NEVER;
        }
    }

    /** @param code asset code @return a spendable asset that never goes negative and never expires */
    public static AssetDefinition of(String code) {
        return new AssetDefinition(code, false, true, ExpiryPolicy.NEVER, 0);
    }

    /** @param allow whether member balances may go negative @return a copy */
    public AssetDefinition allowNegative(boolean allow) {
        return new AssetDefinition(code, allow, spendable, expiry, expiryDays);
    }

    /** @param value whether members can spend it @return a copy */
    public AssetDefinition spendable(boolean value) {
        return new AssetDefinition(code, allowNegative, value, expiry, expiryDays);
    }

    /** @param policy default expiry @param days days for DAYS_AFTER_EARNING @return a copy */
    public AssetDefinition withExpiry(ExpiryPolicy policy, int days) {
        return new AssetDefinition(code, allowNegative, spendable, policy, days);
    }
}
