package io.kindred.plugins.distribution;

/** How names and payout accounts are shown in lists: enough to recognise, not enough to copy. */
final class Masking {

    private Masking() {
    }

    /** @return the first character of a name and stars, e.g. {@code 王**} or {@code A***} */
    static String name(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "***";
        }
        int first = displayName.strip().codePointAt(0);
        return new String(Character.toChars(first)) + "***";
    }

    /** @return an account number or e-wallet id with all but its last four characters hidden, e.g. {@code ****1234} */
    static String account(String account) {
        String a = account.strip();
        return a.length() <= 4 ? "****" : "****" + a.substring(a.length() - 4);
    }
}
