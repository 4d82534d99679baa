package io.kindred.plugins.membership;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every membership endpoint fed what a careless or hostile client sends: malformed JSON, wrong types,
 * missing, unknown and out-of-range fields, unknown codes and ids. The answer is always a 4xx with the JSON
 * error shape, never a 5xx; and nothing is changed by a refused request.
 */
class BadInputIT {

    private static final List<String> BODIES = List.of("{", "[]", "\"text\"", "null", "{}", "{\"userId\":\"abc\"}",
            "{\"userId\":-1,\"planCode\":\"annual\"}", "{\"userId\":1e40,\"planCode\":\"annual\"}",
            "{\"planCode\":123,\"userId\":2}", "{\"planCode\":\"nope\",\"userId\":2}", "{\"code\":null}",
            "{\"code\":12}", "{\"code\":\"\"}", "{\"code\":\"" + "X".repeat(5000) + "\"}", "{\"count\":\"x\"}",
            "{\"count\":-1,\"planCode\":\"annual\"}", "{\"count\":1e12,\"planCode\":\"annual\"}",
            "{\"count\":2.5,\"planCode\":\"nope\"}", "{\"threshold\":\"x\"}", "{\"threshold\":-5}",
            "{\"threshold\":1e300}", "{\"multiplier\":\"abc\"}", "{\"multiplier\":1e308}", "{\"multiplier\":-1}",
            "{\"name\":\"\"}", "{\"name\":\"" + "n".repeat(500) + "\"}", "{\"name\":{\"a\":1}}", "{\"colour\":\"red\"}",
            "{\"icon\":\"" + "i".repeat(50) + "\"}", "{\"benefits\":{\"a\":1}}", "{\"benefits\":[1,2]}",
            "{\"benefits\":\"nope.code\"}", "{\"months\":-1,\"name\":\"x\"}", "{\"months\":\"one\",\"name\":\"x\"}",
            "{\"price\":\"free\",\"name\":\"x\"}", "{\"trialDays\":9999,\"name\":\"x\"}", "{\"currency\":\"EURO\",\"name\":\"x\"}");

    private static final List<String[]> ENDPOINTS = List.of(
            new String[]{"member", "POST", "/api/v1/membership/redeem"},
            new String[]{"member", "POST", "/api/v1/membership/plans/annual/trial"},
            new String[]{"member", "POST", "/api/v1/membership/plans/nope/trial"},
            new String[]{"admin", "POST", "/api/v1/admin/membership/grants"},
            new String[]{"admin", "DELETE", "/api/v1/admin/membership/grants"},
            new String[]{"admin", "POST", "/api/v1/admin/membership/codes"},
            new String[]{"admin", "PUT", "/api/v1/admin/membership/tiers/V2"},
            new String[]{"admin", "PUT", "/api/v1/admin/membership/tiers/V9"},
            new String[]{"admin", "PUT", "/api/v1/admin/membership/tiers/%20"},
            new String[]{"admin", "PUT", "/api/v1/admin/membership/plans/annual"},
            new String[]{"admin", "PUT", "/api/v1/admin/membership/plans/Bad-Code"},
            new String[]{"admin", "POST", "/api/v1/admin/membership/jobs/nope/run"});

    private static final List<String[]> GETS = List.of(
            new String[]{"admin", "/api/v1/admin/membership/codes/abc"},
            new String[]{"admin", "/api/v1/admin/membership/codes/-1"},
            new String[]{"admin", "/api/v1/admin/membership/codes/99999999999999999999"},
            new String[]{"admin", "/console/membership/batches/abc/codes.csv"},
            new String[]{"admin", "/api/v1/admin/membership/grants?userId=abc&planCode=annual"},
            new String[]{"member", "/api/v1/admin/membership/stats"},
            new String[]{"anonymous", "/api/v1/membership/me"});

    @Test
    void everyEndpointAnswersA4xxWithTheErrorShapeAndChangesNothing() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http member = p.member("alice@kindred.test", "Alice");
            Http anonymous = p.http();
            String tiersBefore = admin.get("/api/v1/admin/membership/tiers").body();
            String plansBefore = admin.get("/api/v1/admin/membership/plans").body();
            List<String> failures = new ArrayList<>();
            int cases = 0;
            for (String[] e : ENDPOINTS) {
                Http who = e[0].equals("admin") ? admin : member;
                for (String body : BODIES) {
                    Http.Response r = who.raw(e[1], e[2], "application/json", body);
                    if (e[1].equals("PUT") && body.equals("{}") && r.status() == 200) {
                        continue; // an edit that changes nothing
                    }
                    cases++;
                    check(failures, e[1] + " " + e[2] + " " + abbreviate(body), r);
                }
            }
            for (String[] g : GETS) {
                Http who = g[0].equals("admin") ? admin : g[0].equals("member") ? member : anonymous;
                Http.Response r = g[1].contains("grants") ? who.delete(g[1]) : who.get(g[1]);
                cases++;
                check(failures, g[1], r);
            }
            assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases:\n" + String.join("\n", failures));
            assertEquals(tiersBefore, admin.get("/api/v1/admin/membership/tiers").body(), "tiers unchanged");
            assertEquals(plansBefore, admin.get("/api/v1/admin/membership/plans").body(), "plans unchanged");
            assertEquals(0, Fixture.me(member).path("plans").size(), "no plan slipped through");
            assertEquals(0, admin.get("/api/v1/admin/membership/codes").json().path("items").size(), "no batch made");
        }
    }

    private static void check(List<String> failures, String what, Http.Response r) {
        boolean html = r.headers().getOrDefault("content-type", "").startsWith("text/html");
        if (r.status() < 400 || r.status() >= 500) {
            failures.add(r.status() + " " + what + " → " + abbreviate(r.body()));
        } else if (!html && (r.json() == null || r.errorCode() == null)) {
            failures.add("no error shape: " + what + " → " + abbreviate(r.body()));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
