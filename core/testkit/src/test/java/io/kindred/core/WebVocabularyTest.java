package io.kindred.core;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web vocabulary of kindred-api as a plugin meets it, through real HTTP on a real platform: typed bodies
 * read strictly, one paging helper, route groups that apply their access.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebVocabularyTest {

    private TestPlatform platform;
    private Http member;

    @BeforeAll
    void start() throws Exception {
        Path jars = Files.createTempDirectory("vocabulary-plugin-");
        platform = TestPlatform.builder().plugin(PluginJars.build(jars, "vocabulary", VocabularyPlugin.class,
                VocabularyPlugin.OrderBody.class, VocabularyPlugin.Line.class, VocabularyPlugin.Entry.class)).start();
        member = platform.member("member@vocabulary.test", "Member");
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    private static Map<String, Object> order(Object items) {
        return Map.of("customer", "Ann", "items", items);
    }

    @Test
    void aWellFormedBodyIsReadIntoTheRecordWithOptionalFieldsLeftOut() {
        Http.Response r = member.post("/api/v1/vocabulary/orders", order(List.of(Map.of("sku", "tea", "qty", 2))));
        assertEquals(200, r.status(), r.body());
        assertEquals("Ann", r.json().at("/customer").asText());
        assertEquals(2, r.json().at("/items/0/qty").asInt());
        assertEquals("none", r.json().at("/note").asText());
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        Http.Response r = member.post("/api/v1/vocabulary/orders", Map.of("customer", "Ann", "items", List.of(), "colour", "red"));
        assertInvalid(r, "invalid_field", "'colour' is not known");
    }

    @Test
    void anUnknownNestedFieldIsRefusedByItsPath() {
        Http.Response r = member.post("/api/v1/vocabulary/orders", order(List.of(Map.of("sku", "tea", "qty", 1, "size", "L"))));
        assertInvalid(r, "invalid_field", "'items[0].size'");
    }

    @Test
    void aWrongTypeIsRefusedByName() {
        assertInvalid(member.post("/api/v1/vocabulary/orders", Map.of("customer", List.of("Ann"), "items", List.of())),
                "invalid_field", "'customer'");
    }

    @Test
    void aWrongNestedTypeIsRefusedByItsPath() {
        List<Map<String, Object>> items = List.of(Map.of("sku", "tea", "qty", 1), Map.of("sku", "cake", "qty", 1.5));
        assertInvalid(member.post("/api/v1/vocabulary/orders", order(items)), "invalid_field", "'items[1].qty'");
        List<Map<String, Object>> text = List.of(Map.of("sku", "tea", "qty", "2"));
        assertInvalid(member.post("/api/v1/vocabulary/orders", order(text)), "invalid_field", "'items[0].qty'");
    }

    @Test
    void aMissingRequiredFieldIsRefusedByName() {
        assertInvalid(member.post("/api/v1/vocabulary/orders", Map.of("items", List.of())), "missing_field", "'customer'");
    }

    @Test
    void aMissingNestedFieldIsRefusedByItsPath() {
        assertInvalid(member.post("/api/v1/vocabulary/orders", order(List.of(Map.of("sku", "tea")))),
                "missing_field", "'items[0].qty'");
    }

    @Test
    void aWholeNumberBeyondTheLargestAmountIsRefused() {
        Map<String, Object> body = Map.of("customer", "Ann", "items", List.of(), "tip", 9_007_199_254_740_992L);
        assertInvalid(member.post("/api/v1/vocabulary/orders", body), "invalid_field", "'tip'");
    }

    @Test
    void aListOf120WalksInPagesOf50_50_20() {
        List<Long> seen = new ArrayList<>();
        String cursor = "";
        List<Integer> sizes = new ArrayList<>();
        while (cursor != null) {
            Http.Response r = member.get("/api/v1/vocabulary/entries?limit=50" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            r.json().at("/items").forEach(item -> seen.add(item.at("/id").asLong()));
            sizes.add(r.json().at("/items").size());
            cursor = r.json().at("/nextCursor").isNull() ? null : r.json().at("/nextCursor").asText();
        }
        assertEquals(List.of(50, 50, 20), sizes);
        assertEquals(LongStream.rangeClosed(1, 120).map(i -> 121 - i).boxed().toList(), seen);
    }

    @Test
    void aBadCursorIsA400() {
        for (String cursor : new String[]{"abc", "-5", "0", "1.5", "99999999999999999999"}) {
            Http.Response r = member.get("/api/v1/vocabulary/entries?cursor=" + cursor);
            assertEquals(400, r.status(), cursor);
            assertEquals("invalid_cursor", r.errorCode(), cursor);
        }
    }

    @Test
    void aLimitOutOfRangeIsA400() {
        for (String limit : new String[]{"0", "101", "-1", "ten", "2.5"}) {
            Http.Response r = member.get("/api/v1/vocabulary/entries?limit=" + limit);
            assertEquals(400, r.status(), limit);
            assertEquals("invalid_field", r.errorCode(), limit);
        }
    }

    @Test
    void aCoreListUsesTheSameHelper() {
        Http admin = platform.admin();
        assertEquals("invalid_cursor", admin.get("/api/v1/admin/users?cursor=x").errorCode());
        assertEquals("invalid_field", admin.get("/api/v1/admin/users?limit=0").errorCode());
        Http.Response first = admin.get("/api/v1/admin/users?limit=1");
        assertEquals(1, first.json().at("/items").size());
        String next = first.json().at("/nextCursor").asText();
        Http.Response second = admin.get("/api/v1/admin/users?limit=1&cursor=" + next);
        assertTrue(second.json().at("/items/0/id").asLong() < Long.parseLong(next));
    }

    @Test
    void aRouteGroupAppliesItsAccessToEveryRoute() {
        Http anonymous = platform.http();
        for (String path : new String[]{"/api/v1/admin/vocabulary/ping", "/api/v1/admin/vocabulary"}) {
            assertEquals(401, anonymous.get(path).status(), path);
            assertEquals(403, member.get(path).status(), path);
            assertEquals(200, platform.admin().get(path).status(), path);
        }
        assertEquals(403, member.delete("/api/v1/admin/vocabulary/ping").status());
        assertEquals(204, platform.admin().delete("/api/v1/admin/vocabulary/ping").status());
    }

    private static void assertInvalid(Http.Response r, String code, String naming) {
        assertEquals(400, r.status(), r.body());
        assertEquals(code, r.errorCode(), r.body());
        String message = r.json().at("/error/message").asText();
        assertTrue(message.contains(naming), message);
    }

    /** A stand-in plugin that speaks the vocabulary: a typed body, a paged list, a route group. */
    public static final class VocabularyPlugin extends KindredPlugin {

        /** An order: every field required except {@code note} and {@code tip}. */
        public record OrderBody(String customer, List<Line> items, Optional<String> note, Optional<Long> tip) {
        }

        /** One line of an order. */
        public record Line(String sku, int qty) {
        }

        /** One row of the paged list. */
        public record Entry(long id, String name) {
        }

        @Override
        public void contribute(PluginContext ctx) {
            List<Entry> entries = LongStream.rangeClosed(1, 120).map(i -> 121 - i)
                    .mapToObj(id -> new Entry(id, "entry " + id)).toList();
            ctx.routes().post("/api/v1/vocabulary/orders", Access.MEMBER, x -> {
                OrderBody b = x.body(OrderBody.class);
                x.json(Map.of("customer", b.customer(), "items", b.items(), "note", b.note().orElse("none")));
            });
            ctx.routes().get("/api/v1/vocabulary/entries", Access.MEMBER, x -> {
                PageRequest page = x.page(20, 100);
                List<Entry> rows = entries.stream().filter(e -> e.id() < page.before()).limit(page.limit()).toList();
                x.json(Page.of(rows, page, Entry::id).map(e -> Map.of("id", e.id(), "name", e.name())));
            });
            ctx.routes().group("/api/v1/admin/vocabulary", Access.ADMIN, g -> {
                g.get("", x -> x.json(Map.of("group", true)));
                g.get("/ping", x -> x.json(Map.of("pong", true)));
                g.delete("/ping", x -> x.noContent());
            });
        }
    }
}
