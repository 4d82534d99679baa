package io.kindred.server.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileVaultTest {

    @TempDir
    Path data;

    @Test
    void sealedValuesOpenWithTheSameKeyFileAfterARestart() {
        Path key = data.resolve("keys/vault.key");
        String sealed = new FileVault(key).seal("110101199003071234");
        assertFalse(sealed.contains("110101199003071234"));
        assertEquals("110101199003071234", new FileVault(key).open(sealed));
    }

    @Test
    void theKeyFileIsCreatedOnFirstUseForItsOwnerOnly() throws Exception {
        Path key = data.resolve("keys/vault.key");
        FileVault vault = new FileVault(key);
        assertFalse(Files.exists(key));
        vault.seal("x");
        assertEquals(32, Files.size(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    @Test
    void sealingTwiceGivesTwoTextsAndAlteredOrForeignTextDoesNotOpen() {
        FileVault vault = new FileVault(data.resolve("a/vault.key"));
        String one = vault.seal("secret");
        assertNotEquals(one, vault.seal("secret"));
        String altered = one.substring(0, one.length() - 3) + (one.endsWith("A") ? "BBB" : "AAA");
        assertThrows(IllegalArgumentException.class, () -> vault.open(altered));
        assertThrows(IllegalArgumentException.class, () -> new FileVault(data.resolve("b/vault.key")).open(one));
        assertThrows(IllegalArgumentException.class, () -> vault.open("plain text"));
    }

    @Test
    void masksKeepOnlyTheEnds() {
        FileVault vault = new FileVault(data.resolve("vault.key"));
        assertEquals("1101**********1234", vault.mask("110101199003071234"));
        assertEquals("E1****67", vault.mask("E1234567"));
        assertEquals("****", vault.mask("1234"));
    }
}
