package io.kindred.plugins.community;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operators' list of blocked words and phrases. A text matches when it holds one, ignoring case and width
 * (full-width Ｆｏｏ is foo): a word of Latin letters or digits only where it stands alone ("ass" does not block
 * "class"), anything else (Chinese, phrases with punctuation) wherever it appears. A match refuses the post or
 * comment with {@code blocked_words}; nothing is held for review.
 *
 * @param words    the entries, normalised, in the order given
 * @param patterns how each entry is found, in the same order
 */
record WordFilter(List<String> words, List<Pattern> patterns) {

    static final WordFilter NONE = new WordFilter(List.of(), List.of());
    private static final Pattern LATIN = Pattern.compile("[a-z0-9 ]+");
    private static final int MAX_WORD = 100;

    /** @param text the setting: entries one per line or separated by commas @return the filter */
    static WordFilter parse(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String raw : (text == null ? "" : text).split("[\\r\\n,，]+")) {
            String w = normalise(raw).strip().replaceAll("\\s+", " ");
            if (w.length() > MAX_WORD) {
                throw new IllegalArgumentException("A blocked word or phrase is at most " + MAX_WORD + " characters");
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        List<Pattern> patterns = words.stream().map(w -> LATIN.matcher(w).matches()
                ? Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])")
                : Pattern.compile(Pattern.quote(w))).toList();
        return new WordFilter(List.copyOf(words), patterns);
    }

    /** @param text what a member wrote @return the first blocked entry it holds */
    Optional<String> firstMatch(String text) {
        if (words.isEmpty() || text == null) {
            return Optional.empty();
        }
        String t = normalise(text);
        for (int i = 0; i < words.size(); i++) {
            if (patterns.get(i).matcher(t).find()) {
                return Optional.of(words.get(i));
            }
        }
        return Optional.empty();
    }

    /** @return the entries as the setting shows them, one per line */
    String text() {
        return String.join("\n", words);
    }

    @Override
    public String toString() {
        return String.join(", ", words);
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
