package io.kindred.plugins.community;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The word filter: whole Latin words, Chinese anywhere, case and width ignored. */
class WordFilterTest {

    private final WordFilter filter = WordFilter.parse("Cheap Pills\nass, 赌博\n\n  ");

    @Test
    void entriesAreSplitByLinesAndCommasAndNormalised() {
        assertEquals(List.of("cheap pills", "ass", "赌博"), filter.words());
        assertEquals("cheap pills\nass\n赌博", filter.text());
    }

    @Test
    void latinWordsMatchOnlyWhole() {
        assertEquals(Optional.of("ass"), filter.firstMatch("you ASS!"));
        assertEquals(Optional.empty(), filter.firstMatch("a classic class in the grass"));
        assertEquals(Optional.of("cheap pills"), filter.firstMatch("buy cheap\n   pills"));
        assertEquals(Optional.of("cheap pills"), filter.firstMatch("ＣＨＥＡＰ ｐｉｌｌｓ"));
    }

    @Test
    void chineseMatchesAnywhere() {
        assertEquals(Optional.of("赌博"), filter.firstMatch("欢迎来线上赌博网站"));
        assertEquals(Optional.empty(), WordFilter.NONE.firstMatch("赌博"));
    }

    @Test
    void anOverlongEntryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WordFilter.parse("x".repeat(101)));
    }
}
