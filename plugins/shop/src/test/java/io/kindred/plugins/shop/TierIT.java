package io.kindred.plugins.shop;

import io.kindred.plugins.shop.fake.FakeMembershipPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.redeem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tier-only items against a membership service that a (test) plugin provides, and with that plugin disabled. */
class TierIT {

    @TempDir
    Path dir;

    @Test
    void tierOnlyItemIsRefusedBelowTheTierAndAllowedAtItWhileMembershipIsEnabled() throws IOException {
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR).plugin(fakeMembershipJar()).start()) {
            long polo = item(p, Map.of("minTier", 3, "name", "Polo shirt"));
            Http low = p.member("v2-low@kindred.test", "Low");
            Http high = p.member("v3-high@kindred.test", "High");
            give(p, low, 500);
            give(p, high, 500);

            Http.Response refused = redeem(low, polo, 1, "here");
            assertEquals(409, refused.status(), refused.body());
            assertEquals("tier_required", refused.errorCode());
            Http.Response allowed = redeem(high, polo, 1, "here");
            assertEquals(201, allowed.status(), allowed.body());

            Http.Response off = p.admin().post("/api/v1/admin/plugins/membership-fake/disable", Map.of());
            assertEquals(200, off.status(), off.body());
            assertEquals("tier_required", redeem(high, polo, 1, "here").errorCode());
            assertEquals(201, redeem(high, item(p, Map.of("name", "Doll")), 1, "here").status());
        }
    }

    /** A plugin jar holding only {@link FakeMembershipPlugin}, as PF4J loads third-party jars. */
    private Path fakeMembershipJar() throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", "membership-fake");
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Class", FakeMembershipPlugin.class.getName());
        a.putValue("Plugin-Description", "test stand-in for membership");
        Path jar = dir.resolve("membership-fake-1.0.0.jar");
        String entry = FakeMembershipPlugin.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf);
             InputStream in = getClass().getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
        return jar;
    }
}
