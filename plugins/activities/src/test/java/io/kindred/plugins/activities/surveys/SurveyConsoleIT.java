package io.kindred.plugins.activities.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.Multipart;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console builds a questionnaire without JavaScript: settings, questions with a branch, a refused backward jump,
 * deleting a question; a member answers through the page form; the questions are frozen after that and the results
 * page shows the response.
 */
class SurveyConsoleIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = SurveyFixture.platform(SurveyFixture.clock()).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void anOperatorBuildsABranchingQuestionnaireWithPlainFormsAndItFreezesOnceAnswered() {
        String list = "/console/activities/surveys";
        Http.Response created = admin.submitForm(list, list, "title", "Car owners", "startsOn", "2026-03-01",
                "endsOn", "2026-03-31", "status", "open", "rewardPoints", "10", "targetKind", "all");
        ok(created);
        String edit = created.headers().get("location").replaceAll("\\?.*", "");
        long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));

        ok(admin.submitForm(edit, edit + "/questions", "kind", "single", "text", "Do you drive?",
                "required", "on", "options", "Yes\nNo -> end"));
        ok(admin.submitForm(edit, edit + "/questions", "kind", "short_text", "text", "Which car?"));
        ok(admin.submitForm(edit, edit + "/questions", "kind", "long_text", "text", "Why?"));
        Http.Response backwards = admin.submitForm(edit, edit + "/questions", "kind", "single", "text", "Again?",
                "options", "A -> 1\nB");
        assertTrue(backwards.headers().get("location").contains("error="), backwards.headers().toString());
        ok(admin.submitForm(edit, edit + "/questions/3/delete"));

        JsonNode s = admin.get("/api/v1/admin/surveys/" + id).json().path("survey");
        assertEquals(2, s.path("questions").size());
        assertEquals("end", s.at("/questions/0/options/1/goTo").asText());
        assertEquals(10, s.path("rewardPoints").asInt());

        Http member = p.member("driver@console.test", "Driver");
        String page = "/activities/surveys/" + id;
        long no = s.at("/questions/0/options/1/id").asLong();
        Http.Response answered = member.submitForm(page, page, "q" + s.at("/questions/0/id").asLong(), String.valueOf(no),
                "q" + s.at("/questions/1/id").asLong(), "written before choosing No");
        assertTrue(answered.headers().get("location").endsWith("?done=1"), answered.headers().toString());
        String csv = admin.get("/api/v1/admin/surveys/" + id + "/results.csv").body();
        assertTrue(csv.contains("\"No\",\"(not asked)\""), csv);
        assertFalse(csv.contains("written before"), csv);

        assertTrue(admin.get(edit).body().contains("id=\"frozen\""));
        Http.Response frozen = admin.submitForm(edit, edit + "/questions/2/delete");
        assertTrue(frozen.headers().get("location").contains("error="), frozen.headers().toString());
        assertTrue(admin.get(edit + "/results").body().contains("id=\"response-count\""));
    }

    @Test
    void anImageChoiceTakesOneUploadedPicturePerOptionAndShowsThemToMembers() {
        String list = "/console/activities/surveys";
        Http.Response created = admin.submitForm(list, list, "title", "Bottles", "startsOn", "2026-03-01",
                "endsOn", "2026-03-31", "status", "open", "targetKind", "all");
        ok(created);
        String edit = created.headers().get("location").replaceAll("\\?.*", "");
        String csrf = admin.form(edit).field("_csrf");
        Multipart body = new Multipart().field("_csrf", csrf).field("kind", "image").field("text", "Which bottle?")
                .field("options", "Green\nBlue").file("images", "green.png", png()).file("images", "blue.png", png());
        ok(admin.raw("POST", edit + "/questions", body.contentType(), body.bytes()));
        Multipart short1 = new Multipart().field("_csrf", csrf).field("kind", "image").field("text", "Which cap?")
                .field("options", "Red\nWhite").file("images", "red.png", png());
        Http.Response refused = admin.raw("POST", edit + "/questions", short1.contentType(), short1.bytes());
        assertTrue(refused.headers().get("location").contains("error="), refused.headers().toString());

        long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
        JsonNode q = admin.get("/api/v1/admin/surveys/" + id).json().at("/survey/questions/0");
        assertEquals("image", q.path("kind").asText());
        String url = q.at("/options/1/imageUrl").asText();
        assertTrue(url.startsWith("/uploads/"), url);
        Http member = p.member("bottles@console.test", "Bottles");
        assertTrue(member.get("/activities/surveys/" + id).body().contains("src=\"" + url + "\""));
        assertEquals(200, p.http().get(url).status());
    }

    private static byte[] png() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void everyQuestionnaireApiRouteIsDescribedInTheOpenApiDocument() {
        java.util.Set<String> served = new java.util.TreeSet<>();
        for (var r : p.kindred().router.declared()) {
            if (r.path().startsWith("/api/v1/surveys") || r.path().startsWith("/api/v1/admin/surveys")) {
                served.add(r.method().toLowerCase() + " " + r.path().replaceAll("<(\\w+)>", "{$1}"));
            }
        }
        JsonNode paths = p.http().get("/api/v1/openapi.json").json().path("paths");
        java.util.Set<String> described = new java.util.TreeSet<>();
        paths.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("/api/v1/surveys") || e.getKey().startsWith("/api/v1/admin/surveys")) {
                e.getValue().fieldNames().forEachRemaining(m -> {
                    if (!m.equals("parameters")) {
                        described.add(m + " " + e.getKey());
                    }
                });
            }
        });
        assertEquals(10, served.size(), served.toString());
        assertEquals(served, described);
    }

    private static void ok(Http.Response r) {
        assertEquals(303, r.status(), r.body());
        assertFalse(r.headers().get("location").contains("error="), r.headers().get("location"));
    }
}
