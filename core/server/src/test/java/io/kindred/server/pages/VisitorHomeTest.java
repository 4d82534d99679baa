package io.kindred.server.pages;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisitorHomeTest {

    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger renders = new AtomicInteger();
    private final VisitorHome home = new VisitorHome(changes::get, now::get);
    private final VisitorHome.Key english = new VisitorHome.Key(Locale.ENGLISH, "http://shop.example");

    private String page(VisitorHome.Key key) {
        return home.get(key, () -> key.locale() + "#" + renders.incrementAndGet());
    }

    @Test
    void servesTheRenderedPageAgainWhileNothingChanged() {
        assertEquals("en#1", page(english));
        now.addAndGet(VisitorHome.MAX_AGE_NANOS - 1);
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
        now.addAndGet(VisitorHome.MAX_AGE_NANOS);
        assertEquals("en#2", page(english));
    }

    @Test
    void keepsOnePagePerLanguageAndAddress() {
        VisitorHome.Key chinese = new VisitorHome.Key(Locale.SIMPLIFIED_CHINESE, "http://shop.example");
        VisitorHome.Key otherHost = new VisitorHome.Key(Locale.ENGLISH, "http://other.example");
        assertEquals("en#1", page(english));
        assertEquals("zh_CN#2", page(chinese));
        assertEquals("en#3", page(otherHost));
        assertEquals("en#1", page(english));
        assertEquals("zh_CN#2", page(chinese));
    }

    @Test
    void manyAddressesDoNotGrowTheMemoWithoutBound() {
        for (int i = 0; i < 1_000; i++) {
            page(new VisitorHome.Key(Locale.ENGLISH, "http://h" + i + ".example"));
        }
        assertEquals(1_000, renders.get());
        assertTrue(home.size() <= VisitorHome.MAX_PAGES, home.size() + " pages kept");
    }
}
