package io.kindred.core;

import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.Transfer;
import io.kindred.api.users.Member;
import io.kindred.server.users.MembersView;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What kindred-api offers plugins beyond the first version: birthdays, the member walk, transfers by key. */
class PluginApiAdditionsTest {

    private static MembersView members(TestPlatform p) {
        return new MembersView(p.kindred().database, p.kindred().users);
    }

    private static long id(Http member) {
        return member.get("/api/v1/me").json().at("/user/id").asLong();
    }

    @Test
    void aMembersBirthdayComesFromTheirProfileAndIsNullWhenUnknown() {
        try (TestPlatform p = TestPlatform.builder().start()) {
            Http alice = p.member("alice@api.test", "Alice");
            Http bob = p.member("bob@api.test", "Bob");
            assertEquals(200, alice.patch("/api/v1/me", Map.of("birthday", "1990-05-17")).status());

            assertEquals(LocalDate.of(1990, 5, 17), members(p).find(id(alice)).orElseThrow().birthday());
            assertNull(members(p).find(id(bob)).orElseThrow().birthday());
        }
    }

    @Test
    void theFilledProfileFieldsAreNamedAndAnUnknownMemberHasNone() {
        try (TestPlatform p = TestPlatform.builder().start()) {
            Http dora = p.member("dora@api.test", "Dora");
            assertEquals(java.util.Set.of("displayName"), members(p).profileFilled(id(dora)));
            assertEquals(200, dora.patch("/api/v1/me", Map.of("birthday", "1991-02-03", "phone", "+8613900139000")).status());
            assertEquals(java.util.Set.of("displayName", "birthday", "phone"), members(p).profileFilled(id(dora)));
            assertEquals(java.util.Set.of(), members(p).profileFilled(999_999));
        }
    }

    @Test
    void aMembersJoinDateIsWhenTheirAccountWasCreatedByThePlatformClock() {
        java.time.Instant start = java.time.Instant.parse("2026-03-01T08:00:00Z");
        io.kindred.testkit.MutableClock clock = new io.kindred.testkit.MutableClock(start);
        try (TestPlatform p = TestPlatform.builder().clock(clock).start()) {
            Http carol = p.member("carol@api.test", "Carol");
            assertEquals(Optional.of(start), members(p).joinedAt(id(carol)));
            assertEquals(Optional.empty(), members(p).joinedAt(999_999));
        }
    }

    @Test
    void theMemberWalkVisitsEveryActiveMemberOnceInIdOrderOneBatchAtATime() {
        try (TestPlatform p = TestPlatform.builder().start()) {
            p.admin();
            for (int i = 0; i < 7; i++) {
                p.member("walker" + i + "@api.test", "Walker " + i);
            }
            MembersView view = members(p);
            List<Long> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            view.forEachBatch(3, batch -> {
                sizes.add(batch.size());
                batch.forEach(m -> seen.add(m.id()));
            });

            assertEquals(view.countActive(), seen.size(), "every active member, the administrator included");
            assertEquals(seen.stream().sorted().distinct().toList(), seen, "ascending ids, each once");
            assertTrue(sizes.stream().allMatch(s -> s <= 3), sizes.toString());
            List<Member> afterThird = view.page(seen.get(2), 2);
            assertEquals(List.of(seen.get(3), seen.get(4)), afterThird.stream().map(Member::id).toList(),
                    "a page starts after the id it is given");
            assertEquals(List.of(), view.page(seen.get(seen.size() - 1), 10));
        }
    }

    @Test
    void aTransferIsFoundByItsIdempotencyKey() {
        try (TestPlatform p = TestPlatform.builder().start()) {
            Http shop = p.apiClient("shop");
            long alice = id(p.member("alice@api.test", "Alice"));
            Http.Response r = shop.post("/api/v1/admin/ledger/adjustments",
                    Map.of("userId", alice, "asset", "points", "amount", 25, "reason", "welcome back"),
                    Map.of("Idempotency-Key", "k-1"));
            assertEquals(201, r.status(), r.body());

            Optional<Transfer> found = p.kindred().ledger.findByIdempotencyKey("adjustment:k-1");
            assertTrue(found.isPresent());
            assertEquals(r.json().at("/transfer/id").asLong(), found.get().id());
            assertEquals(25, found.get().amount());
            assertEquals(AccountRef.member(alice), found.get().to());
            assertTrue(found.get().replayed(), "it was posted before");
            assertTrue(p.kindred().ledger.findByIdempotencyKey("adjustment:k-2").isEmpty());
        }
    }
}
