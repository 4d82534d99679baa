package io.kindred.dist;

import io.kindred.dist.memo.MemoPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single jar as an operator runs it: a third-party plugin uploaded through the admin API serves its route at
 * once, upgrades to a version with a new migration, stays on that version when the next upgrade is broken, keeps its
 * data when removed; a jar needing a newer Kindred and a bundled plugin's removal are refused. No restart anywhere.
 */
class PluginInstallJarIT {

    private static final String V1_SQL = "CREATE TABLE memo_notes (id ${id}, user_id BIGINT NOT NULL, text TEXT NOT NULL);";

    @TempDir
    Path tmp;

    private PluginJars.Builder memo(String version) {
        return PluginJars.plugin("memo", version, MemoPlugin.class).withPackage().file("db/memo/V1__notes.sql", V1_SQL);
    }

    private static Http.Response upload(Http admin, Path jar) throws Exception {
        return admin.postMultipart("/api/v1/admin/plugins", Map.of(), "jar", jar);
    }

    @Test
    void aPluginIsInstalledUpgradedKeptOnABrokenUpgradeAndRemovedWithoutARestart() throws Exception {
        try (KindredProcess k = KindredProcess.start(tmp.resolve("data"), tmp.resolve("kindred.log"), KindredProcess.adminEnv())) {
            Http admin = k.admin();
            Http member = k.http();
            assertEquals(201, member.post("/api/v1/auth/register", Map.of("email", "ann@kindred.test",
                    "password", "member-password-1", "displayName", "Ann")).status());
            assertEquals(404, member.get("/api/v1/memo").status());

            Http.Response installed = upload(admin, memo("1.0.0").write(tmp.resolve("v1")));
            assertEquals(201, installed.status(), installed.body());
            assertEquals(201, member.post("/api/v1/memo", Map.of("text", "buy tea")).status());
            assertEquals("1.0.0", member.get("/api/v1/memo").json().path("version").asText());

            Path v2 = memo("1.1.0").file("db/memo/V2__pinned.sql", "ALTER TABLE memo_notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;")
                    .write(tmp.resolve("v2"));
            Http.Response upgraded = upload(admin, v2);
            assertEquals(200, upgraded.status(), upgraded.body());
            Http.Response list = member.get("/api/v1/memo");
            assertEquals("1.1.0", list.json().path("version").asText());
            assertEquals("buy tea", list.json().path("items").path(0).asText(), "data written by 1.0.0 is there");

            Path broken = memo("1.2.0").file("db/memo/V2__pinned.sql", "ALTER TABLE memo_notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;")
                    .file("db/memo/V3__broken.sql", "THIS IS NOT SQL;").write(tmp.resolve("v3"));
            Http.Response failed = upload(admin, broken);
            assertEquals(422, failed.status(), failed.body());
            assertEquals("upgrade_failed", failed.errorCode());
            assertEquals("1.1.0", member.get("/api/v1/memo").json().path("version").asText(), "the old version runs on");

            Http.Response future = upload(admin, memo("2.0.0").manifest("Plugin-Requires", ">=99.0.0").write(tmp.resolve("v4")));
            assertEquals(422, future.status(), future.body());
            assertEquals("incompatible_plugin", future.errorCode());
            assertTrue(future.json().path("error").path("message").asText().contains("99.0.0"), future.body());

            Http.Response bundled = admin.delete("/api/v1/admin/plugins/checkin");
            assertEquals(409, bundled.status(), bundled.body());
            assertEquals("bundled_plugin", bundled.errorCode());

            assertEquals(200, admin.delete("/api/v1/admin/plugins/memo").status());
            assertEquals(404, member.get("/api/v1/memo").status());
            assertEquals(201, upload(admin, v2).status(), "installed again");
            assertEquals("buy tea", member.get("/api/v1/memo").json().path("items").path(0).asText(), "removal kept the data");
            assertTrue(admin.get("/healthz").body().contains("\"memo\""));
        }
    }
}
