package io.kindred.plugins.shop;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hole 5 of issue 20: {@code POST /api/v1/admin/shop/items} with {@code kind} null, empty or blank answered 500
 * (a NOT NULL constraint reached the client). Every field an item must have is now 400 when sent empty.
 */
class EmptyRequiredFieldsIT {

    static TestPlatform platform;
    static Http admin;

    @BeforeAll
    static void start() {
        platform = Fixture.start();
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kind", "category", "name", "active"})
    void anItemWithARequiredFieldNullEmptyOrBlankIs400(String field) {
        for (Object value : new Object[]{null, "", "   "}) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Brand doll", "pricePoints", 100, "kind", "physical"));
            body.put(field, value);
            Http.Response r = admin.post("/api/v1/admin/shop/items", body);
            assertEquals(400, r.status(), field + "=" + value + ": " + r.body());
            assertEquals(field.equals("name") ? "missing_field" : "invalid_field", r.errorCode(), field + "=" + value);
        }
    }
}
