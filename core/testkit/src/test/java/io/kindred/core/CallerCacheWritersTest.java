package io.kindred.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every class of the core and the bundled plugins that writes {@code sessions}, {@code user_roles} or {@code users}
 * tells the caller cache ({@code CallerCache.forget...}), or is listed here with why what it writes is not cached.
 * A new writer that forgets to forget fails this test instead of serving stale roles or sessions.
 */
class CallerCacheWritersTest {

    private static final Pattern WRITE = Pattern.compile(
            "(?i)(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+(users|user_roles|sessions)\\b");
    /** Writers of columns the cache does not hold, or that never run beside a running Kindred. */
    private static final Map<String, String> NOT_CACHED = Map.of(
            "Purchases.java", "purchase totals (total_spent, purchase_count, last_purchase_day)",
            "LastActive.java", "last_active_day (the session's cached copy only saves a write; a stale one costs one)",
            "SeedMembers.java", "the seed command fills a stopped Kindred's database: no cache is running");

    @Test
    void everyWriterOfSessionsRolesOrMembersForgetsWhatIsCached() throws IOException {
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        List<Path> sources = new ArrayList<>();
        for (Path dir : List.of(root.resolve("core/server/src/main/java"), root.resolve("plugins"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("src" + java.io.File.separator + "main"))
                        .forEach(sources::add);
            }
        }
        assertTrue(sources.size() > 100, "the sources were found under " + root);
        List<String> forgetful = new ArrayList<>();
        for (Path f : sources) {
            String text = Files.readString(f);
            String name = f.getFileName().toString();
            if (WRITE.matcher(text).find() && !text.contains("cache().forget") && !text.contains("cache.forget")
                    && !NOT_CACHED.containsKey(name)) {
                forgetful.add(root.relativize(f).toString());
            }
        }
        assertEquals(List.of(), forgetful, "these write sessions, user_roles or users without telling the CallerCache");
    }
}
