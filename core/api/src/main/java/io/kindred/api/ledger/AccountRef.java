package io.kindred.api.ledger;

/**
 * One side of a transfer: a member's account or a named system account of an asset.
 * System accounts (e.g. {@code issued}, {@code spent}, {@code expired}) are the other side of every
 * member credit and debit, so that each asset sums to zero.
 *
 * <pre>{@code
 * new TransferRequest("points", AccountRef.system("issued"), AccountRef.member(42), 10, ...);
 * }</pre>
 *
 * @param userId     member id, or null for a system account
 * @param systemName system account name, or null for a member account
 */
public record AccountRef(Long userId, String systemName) {

    /** Exactly one of the two is set. */
    public AccountRef {
        if ((userId == null) == (systemName == null)) {
            throw new IllegalArgumentException("an account is a member's or a system's");
        }
        if (systemName != null && !systemName.matches("[a-z][a-z0-9_.:-]{0,63}")) {
            throw new IllegalArgumentException("bad system account name: " + systemName);
        }
    }

    /** @param userId member id @return the member's account */
    public static AccountRef member(long userId) {
        return new AccountRef(userId, null);
    }

    /** @param name system account name @return that system account */
    public static AccountRef system(String name) {
        return new AccountRef(null, name);
    }

    /** @return whether this is a member's account */
    public boolean isMember() {
        return userId != null;
    }
}
