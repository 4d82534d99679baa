package io.kindred.plugins.creators;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page of the creators plugin, member and console, with the plugins it works with, fits a phone (390 px) and
 * a desktop window in English and Chinese: nothing scrolls sideways, even with long names and texts.
 */
class PagesFitIT {

    private static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    private static final Path IT_PLUGINS = Path.of(System.getProperty("kindred.it.plugins"));
    private static TestPlatform p;
    private static final List<String> paths = new ArrayList<>();

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().plugin(JAR)
                .plugin(IT_PLUGINS.resolve("kindred-plugin-community.jar"))
                .plugin(IT_PLUGINS.resolve("kindred-plugin-distribution.jar"))
                .plugin(IT_PLUGINS.resolve("kindred-plugin-membership.jar"))
                .plugin(IT_PLUGINS.resolve("kindred-plugin-checkin.jar"))
                .start();
        Http admin = p.admin();
        Http wide = p.member("wide@creators.test", "Wide" + "Supercalifragilistic".repeat(2));
        long id = wide.get("/api/v1/me").json().at("/user/id").asLong();
        LocalDate today = LocalDate.now();
        Http.Response campaign = admin.post("/api/v1/admin/creators/campaigns", Map.of("title",
                "Spring skincare creators wanted for a very long campaign title that must wrap", "category", "beauty",
                "startsOn", today.minusDays(1).toString(), "endsOn", today.plusDays(30).toString(), "quota", 10,
                "description", "Send us your routine: " + "https://brand.example/a/long/link/" + "x".repeat(80),
                "status", "open", "form", List.of(Map.of("type", "name", "required", true),
                        Map.of("type", "identity", "required", false), Map.of("type", "social_accounts", "required", false))));
        assertEquals(201, campaign.status(), campaign.body());
        long campaignId = campaign.json().at("/campaign/id").asLong();
        Http.Response applied = wide.post("/api/v1/creators/campaigns/" + campaignId + "/applications",
                Map.of("name", "Wide Person", "identityType", "id_card", "identityNumber", "110101199003071234"));
        assertEquals(201, applied.status(), applied.body());
        long applicationId = applied.json().at("/application/id").asLong();
        assertEquals(200, admin.post("/api/v1/admin/creators/applications/" + applicationId + "/transition",
                Map.of("to", "screening")).status());
        Http.Response approved = admin.post("/api/v1/admin/creators/applications/" + applicationId + "/approve",
                Map.of("category", "beauty", "level", "kol", "title", "Skincare voice with a long title",
                        "grants", Map.of("distributionRights", true, "points", 100)));
        assertEquals(200, approved.status(), approved.body());
        p.awaitEvents();
        String code = wide.get("/api/v1/creators/me").json().findPath("certificateCode").asText();
        Http.Response agency = admin.post("/api/v1/admin/creators/agencies", Map.of("name", "Bloom " + "MCN".repeat(20),
                "contactPerson", "Li Lei", "contactPhone", "+86 138 0000 0000", "contactEmail", "bd@bloom.test"));
        long agencyId = agency.json().at("/agency/id").asLong();
        assertEquals(201, admin.post("/api/v1/admin/creators/agencies/" + agencyId + "/contracts", Map.of("userId", id,
                "startsOn", today.toString(), "endsOn", today.plusDays(365).toString(), "sharePercent", 20)).status());
        assertEquals(200, admin.post("/api/v1/admin/creators/agencies/" + agencyId + "/managers", Map.of("userId", id)).status());
        // An operator of its own: switching the language is saved on the account.
        assertEquals(200, admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("operator"))).status());
        paths.addAll(List.of("/creators", "/creators/campaigns/" + campaignId, "/creators/me", "/certificates/" + code,
                "/creators/agency", "/console/creators", "/console/creators/roster/" + id, "/console/creators/candidates",
                "/console/creators/campaigns", "/console/creators/campaigns/" + campaignId, "/console/creators/applications",
                "/console/creators/applications/" + applicationId, "/console/creators/agencies",
                "/console/creators/agencies/" + agencyId, "/console/creators/reports"));
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void everyCreatorsPageFitsAPhoneAndADesktopInBothLanguages() {
        Browser.requireChromium();
        for (Dimension size : List.of(Browser.PHONE, new Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                WebDriver d = b.driver();
                b.signIn(p.baseUrl(), "wide@creators.test", "member-password-1");
                for (String lang : List.of("en", "zh-CN")) {
                    b.open(p.baseUrl(), "/creators");
                    new Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                    b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                    for (String path : paths) {
                        b.open(p.baseUrl(), path);
                        Object overflow = ((JavascriptExecutor) d).executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                        assertEquals(0L, ((Number) overflow).longValue(), size + " " + lang + " " + path + " scrolls sideways");
                    }
                }
            }
        }
    }
}
