package io.kindred.server.crypto;

import io.kindred.api.crypto.Vault;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The platform's {@link Vault}: AES-256-GCM (JDK), a 12-byte random nonce per value, the key as 32 raw bytes in a
 * file of the data directory. The key file is created on first use, owner-only ({@code rw-------}) where the file
 * system knows POSIX permissions, and never rewritten; sealed text is {@code v1:} and Base64 of nonce + ciphertext.
 */
public final class FileVault implements Vault {

    /** The key file's name inside {@code <data>/keys/}. */
    public static final String KEY_FILE = "vault.key";

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    /** @param keyFile where the key is, or will be created on first use */
    public FileVault(Path keyFile) {
        this.keyFile = keyFile;
    }

    @Override
    public String seal(String plain) {
        if (plain == null) {
            throw new IllegalArgumentException("nothing to seal");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal: " + e.getMessage(), e);
        }
    }

    @Override
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (bytes.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("not a sealed value");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot open a sealed value (altered, or sealed with another key)", e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadOrCreate() {
        try {
            if (!Files.exists(keyFile)) {
                create();
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length != 32) {
                throw new IllegalStateException("the vault key " + keyFile + " is not 32 bytes; restore it from a backup");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the vault key " + keyFile, e);
        }
    }

    private void create() throws IOException {
        Files.createDirectories(keyFile.getParent());
        byte[] fresh;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            fresh = generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Path temp = Files.createTempFile(keyFile.getParent(), "vault", ".tmp");
        try {
            ownerOnly(temp);
            Files.write(temp, fresh, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            // Another server process racing to create it: the first key wins, never overwritten.
            Files.move(temp, keyFile);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }
}
