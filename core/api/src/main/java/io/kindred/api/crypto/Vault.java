package io.kindred.api.crypto;

/**
 * Seals sensitive text that a plugin must keep but should never store readable, such as an identity document
 * number: AES-256-GCM from the JDK, with a fresh random nonce per value and a key the host keeps in a file of the
 * data directory ({@code <data>/keys/vault.key}, created with owner-only permissions on first use). The database
 * then holds only the sealed text; whoever has the database but not the key file reads nothing. Losing the key
 * file loses every sealed value, so back it up with the database (and apart from it).
 *
 * <pre>{@code
 * String sealed = ctx.vault().seal("110101199003071234");   // store this: "v1:..." text, different each time
 * String shown  = ctx.vault().mask(ctx.vault().open(sealed)); // "1101**********1234"
 * }</pre>
 */
public interface Vault {

    /**
     * Encrypts a value. Sealing the same value twice gives two different texts, so sealed values cannot be
     * compared or searched; keep a hash next to it if you must find duplicates.
     *
     * @param plain the value, not null
     * @return printable sealed text (a version prefix and Base64), safe to store in a TEXT column
     */
    String seal(String plain);

    /**
     * Decrypts a value sealed by {@link #seal(String)} with this site's key.
     *
     * @param sealed the sealed text
     * @return the original value; an {@link IllegalArgumentException} if the text is not a sealed value or was
     *         sealed with another key, or altered
     */
    String open(String sealed);

    /**
     * Hides the middle of a value for display: keeps the first and last few characters (fewer for short values)
     * and puts {@code *} for every character in between. A value of four characters or fewer is all stars.
     *
     * @param plain the value in clear, not sealed
     * @return the masked value, as long as the original
     */
    default String mask(String plain) {
        if (plain == null) {
            return null;
        }
        int n = plain.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        int keep = n >= 12 ? 4 : n >= 8 ? 2 : 1;
        return plain.substring(0, keep) + "*".repeat(n - 2 * keep) + plain.substring(n - keep);
    }
}
