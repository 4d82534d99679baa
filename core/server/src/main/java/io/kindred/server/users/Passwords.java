package io.kindred.server.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashing (password4j); the parameters travel inside each stored hash. */
public final class Passwords {

    // OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** A hash to check against when the account does not exist, so both cases take as long. */
    static final String DUMMY = hash("kindred-no-such-account");
}
