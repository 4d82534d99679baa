package io.kindred.plugins.activities.meetups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every /api/v1 route of the meetups part is in its OpenAPI fragment, with a summary, and nothing else is (as dist's OpenApiIT checks). */
class MeetupOpenApiIT {

    @Test
    void theFragmentDescribesExactlyTheServedRoutes() throws Exception {
        JsonNode doc;
        try (InputStream in = MeetupOpenApiIT.class.getResourceAsStream("/openapi/meetups.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        Set<String> described = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (!m.getKey().equals("parameters")) {
                described.add(m.getKey().toUpperCase() + " " + p.getKey());
                assertFalse(m.getValue().path("summary").asText().isBlank(), p.getKey());
            }
        }));
        Set<String> served = new TreeSet<>();
        try (TestPlatform p = MeetupFixture.platform(new io.kindred.testkit.MutableClock(MeetupFixture.START)).start()) {
            p.kindred().router.declared().stream().filter(r -> r.owner().equals("activities"))
                    .filter(r -> r.path().startsWith("/api/v1/activities/") && !r.path().startsWith("/api/v1/activities/surveys")
                            || r.path().startsWith("/api/v1/admin/activities/events"))
                    .forEach(r -> served.add(r.method().toUpperCase() + " " + r.path().replaceAll("<(\\w+)>", "{$1}")));
        }
        assertEquals(served, described);
    }
}
