package io.kindred.dist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs speak of the plugins kindred.jar ships, all of them: each bundled plugin has its page under
 * {@code docs/plugins/}, the README, the operator guide and the HTTP API reference link every one, and no doc
 * counts them wrong ("the two bundled plugins" when there are eight).
 */
class DocsMatchJarIT {

    private static final Pattern BUNDLED_JAR = Pattern.compile("bundled-plugins/kindred-plugin-([a-z0-9-]+?)-\\d[^/]*\\.jar");
    private static final Pattern COUNTED = Pattern.compile("\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            + "\\s+bundled\\s+(?:plugins|ones)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");

    @Test
    void everyBundledPluginHasItsPageAndTheIndexesLinkIt() throws IOException {
        Path repo = repo();
        List<String> ids = bundledIds();
        assertTrue(ids.contains("checkin") && ids.size() >= 8, "bundled: " + ids);
        for (String id : ids) {
            assertTrue(Files.isRegularFile(repo.resolve("docs/plugins/" + id + ".md")), "docs/plugins/" + id + ".md");
            assertTrue(read(repo.resolve("README.md")).contains("(docs/plugins/" + id + ".md)"), "README links " + id);
            for (String doc : List.of("docs/operator-guide.md", "docs/http-api.md")) {
                assertTrue(read(repo.resolve(doc)).contains("(plugins/" + id + ".md"), doc + " links " + id);
            }
        }
    }

    @Test
    void noDocCountsTheBundledPluginsWrong() throws IOException {
        Path repo = repo();
        int count = bundledIds().size();
        List<String> wrong = new ArrayList<>();
        List<Path> docs = new ArrayList<>(List.of(repo.resolve("README.md")));
        try (var files = Files.walk(repo.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        for (Path doc : docs) {
            Matcher m = COUNTED.matcher(read(doc).replaceAll("\\s+", " "));
            while (m.find()) {
                if (NUMBERS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) != count) {
                    wrong.add(repo.relativize(doc) + ": \"" + m.group() + "\"");
                }
            }
        }
        assertEquals(List.of(), wrong, "kindred.jar bundles " + count + " plugins");
    }

    private static List<String> bundledIds() throws IOException {
        try (JarFile jar = new JarFile(KindredProcess.jar().toFile())) {
            return jar.stream().map(e -> BUNDLED_JAR.matcher(e.getName())).filter(Matcher::matches)
                    .map(m -> m.group(1)).sorted().toList();
        }
    }

    /** The checkout: the dist module's parent (Maven runs the tests in the module's folder). */
    private static Path repo() {
        Path repo = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isRegularFile(repo.resolve("README.md")), "the tests run from dist/ in the checkout: " + repo);
        return repo;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
