package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's getting-started checklist ticks itself as the operator does each step, and is audited. */
class GettingStartedTest {

    @Test
    void theChecklistTicksItselfAsTheOperatorNamesTheSiteAndImportsCustomers() {
        try (TestPlatform p = TestPlatform.builder().start()) {
            Http admin = p.admin();
            String first = admin.get("/console").body();
            assertTrue(first.contains("id=\"getting-started\"") && first.contains("0 of 7 done"), first);
            assertTrue(step(first, "name").contains("class=\"todo\""));
            assertTrue(step(first, "import").contains("href=\"/console/members/import\""));
            assertTrue(step(first, "legal").contains("href=\"/console/legal\""));

            assertEquals(303, admin.submitForm("/console/settings", "/console/settings", Map.of("site.name", "Tea Club")).status());
            assertEquals(200, admin.raw("POST", "/api/v1/admin/users/import", "text/csv", "email,name\nold@start.test,Old\n").status());
            String after = admin.get("/console").body();
            assertTrue(after.contains("2 of 7 done"), after);
            assertTrue(step(after, "name").contains("class=\"done\"") && step(after, "import").contains("class=\"done\""));
            assertFalse(step(after, "mail").contains("class=\"done\""), "no SMTP yet");
            assertTrue(admin.get("/api/v1/admin/audit?target=import:").body().contains("members.imported")
                    || p.kindred().audit.list("import:", Long.MAX_VALUE, 5).stream()
                            .anyMatch(e -> e.action().equals("members.imported") && e.detail().startsWith("1 imported")),
                    "the import is in the audit log");
        }
    }

    private static String step(String page, String code) {
        int at = page.indexOf("id=\"start-" + code + "\"");
        assertTrue(at >= 0, code + ": " + page);
        return page.substring(at, page.indexOf("</li>", at));
    }
}
