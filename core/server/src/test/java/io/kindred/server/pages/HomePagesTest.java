package io.kindred.server.pages;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HomePagesTest {

    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger renders = new AtomicInteger();
    private final HomePages home = new HomePages(changes::get, now::get);
    private final HomePages.Key english = new HomePages.Key("", Locale.ENGLISH, "http://shop.example");

    private String page(HomePages.Key key) {
        return new String(home.get(key, () -> key.locale() + "#" + renders.incrementAndGet()), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void servesTheRenderedPageAgainWhileNothingChanged() {
        assertEquals("en#1", page(english));
        now.addAndGet(HomePages.MAX_AGE_MILLIS - 1);
        assertEquals("en#1", page(english));
        assertEquals(1, renders.get());
    }

    @Test
    void rendersAgainAfterAChange() {
        page(english);
        changes.incrementAndGet();
        assertEquals("en#2", page(english));
        assertEquals("en#2", page(english));
    }

    @Test
    void rendersAgainOnceThePageIsTooOld() {
        page(english);
        now.addAndGet(HomePages.MAX_AGE_MILLIS);
        assertEquals("en#2", page(english));
    }

    @Test
    void keepsOnePagePerLanguageAndAddress() {
        HomePages.Key chinese = new HomePages.Key("", Locale.SIMPLIFIED_CHINESE, "http://shop.example");
        HomePages.Key otherHost = new HomePages.Key("", Locale.ENGLISH, "http://other.example");
        assertEquals("en#1", page(english));
        assertEquals("zh_CN#2", page(chinese));
        assertEquals("en#3", page(otherHost));
        assertEquals("en#1", page(english));
        assertEquals("zh_CN#2", page(chinese));
    }

    @Test
    void eachMemberSessionHasItsOwnPage() {
        HomePages.Key alice = new HomePages.Key("csrf-alice", Locale.ENGLISH, "http://shop.example");
        HomePages.Key bob = new HomePages.Key("csrf-bob", Locale.ENGLISH, "http://shop.example");
        assertEquals("en#1", page(english));
        assertEquals("en#2", page(alice));
        assertEquals("en#3", page(bob));
        assertEquals("en#2", page(alice));
    }

    @Test
    void aClockSetBackRendersAgain() {
        page(english);
        now.addAndGet(-1);
        assertEquals("en#2", page(english));
    }

    @Test
    void manyAddressesDoNotGrowTheMemoWithoutBound() {
        for (int i = 0; i < 1_000; i++) {
            page(new HomePages.Key("", Locale.ENGLISH, "http://h" + i + ".example"));
        }
        assertEquals(1_000, renders.get());
        assertTrue(home.size() <= HomePages.MAX_PAGES, home.size() + " pages kept");
    }
}
