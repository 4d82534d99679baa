package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Images;
import io.kindred.api.web.UploadedFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import of official content (官方内容) to warm a new community: a CSV (columns {@code title, body, images, date,
 * category, tags}) or a JSON feed ({@code {"items":[{title, body, images:[...], date, category, tags:[...]}]}}).
 * Each row becomes an official post by the importing operator, dated as given. Pictures are fetched (http/https,
 * 2 MB each) and stored like uploads, because pages only show pictures from the site itself. A row is keyed by
 * its title and date, so importing the same file again adds nothing.
 */
final class OfficialImport {

    static final int MAX_ROWS = 2_000;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    /** One item of a JSON feed. */
    record Item(String title, String body, Optional<List<String>> images, Optional<String> date,
                Optional<String> category, Optional<List<String>> tags) {
    }

    /** A JSON feed. */
    record Feed(List<Item> items) {
    }

    /** What an import did. {@code failed} holds one line per row that was not imported, with its row number. */
    record Report(int imported, int skipped, List<Map<String, Object>> failed) {
        Map<String, Object> json() {
            return Map.of("imported", imported, "skipped", skipped, "failed", failed);
        }
    }

    private final PluginContext ctx;
    private final Posts posts;
    private final Categories categories;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    OfficialImport(PluginContext ctx, Posts posts, Categories categories) {
        this.ctx = ctx;
        this.posts = posts;
        this.categories = categories;
    }

    /** @return the rows of a CSV file with a header line */
    static List<Item> parseCsv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Item> items = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!parser.getHeaderMap().containsKey("title") || !parser.getHeaderMap().containsKey("body")) {
                throw new KindredException(CommunityError.INVALID_IMPORT, "The CSV needs a header line with at least title and body.");
            }
            for (CSVRecord r : parser) {
                items.add(new Item(get(r, "title"), get(r, "body"), Optional.of(split(get(r, "images"), "[\\s|]+")),
                        Optional.ofNullable(get(r, "date")), Optional.ofNullable(get(r, "category")),
                        Optional.of(split(get(r, "tags"), "[,，\\s]+"))));
                if (items.size() > MAX_ROWS) {
                    throw new KindredException(CommunityError.INVALID_IMPORT, "An import holds at most " + MAX_ROWS + " rows.");
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new KindredException(CommunityError.INVALID_IMPORT, "The CSV could not be read: " + e.getMessage());
        }
        return items;
    }

    Report run(Member operator, List<Item> items) {
        if (items.size() > MAX_ROWS) {
            throw new KindredException(CommunityError.INVALID_IMPORT, "An import holds at most " + MAX_ROWS + " rows.");
        }
        int imported = 0;
        int skipped = 0;
        List<Map<String, Object>> failed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                if (importOne(operator, items.get(i))) {
                    imported++;
                } else {
                    skipped++;
                }
            } catch (KindredException e) {
                failed.add(Map.of("row", i + 1, "error", e.getMessage()));
            }
        }
        ctx.audit().record(operator, "community.content_imported", "community:import",
                "Imported " + imported + " official posts (" + skipped + " already there, " + failed.size() + " failed).");
        return new Report(imported, skipped, failed);
    }

    /** @return true when the row became a post, false when it was imported before */
    private boolean importOne(Member operator, Item item) {
        String title = Posts.title(item.title());
        String body = Posts.body(item.body());
        long createdAt = date(item.date().orElse(null));
        String key = "import:" + sha256(title + "\n" + createdAt);
        if (posts.imported(key)) {
            return false;
        }
        Category category = item.category().filter(c -> !c.isBlank()).map(categories::resolve)
                .orElseGet(() -> categories.tree().get(0).category());
        List<Post.Image> images = new ArrayList<>();
        for (String url : item.images().orElse(List.of())) {
            images.add(fetch(url));
        }
        if (images.size() > Posts.MAX_IMAGES) {
            throw new KindredException(CommunityError.TOO_MANY_IMAGES, "A post has at most " + Posts.MAX_IMAGES + " pictures.");
        }
        return posts.createOfficial(operator, category.id(), title, body, images, item.tags().orElse(List.of()), createdAt, key)
                .isPresent();
    }

    private long date(String text) {
        if (text == null || text.isBlank()) {
            return ctx.clock().millis();
        }
        try {
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay(ctx.siteZone()).toInstant().toEpochMilli()
                    : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The date '" + text + "' is not YYYY-MM-DD or an ISO-8601 instant.");
        }
    }

    private Post.Image fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw KindredException.invalidField("The picture address '" + url + "' is not a URL.");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw KindredException.invalidField("A picture is fetched over http or https: " + url);
        }
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw KindredException.invalidField("The picture " + url + " answered " + r.statusCode() + ".");
                }
                byte[] bytes = in.readNBytes(Images.MAX_BYTES + 1);
                UploadedFile file = new UploadedFile(name(uri), r.headers().firstValue("Content-Type").orElse(""), bytes);
                String stored = ctx.images().store(file, "community");
                String thumb = Thumbnails.of(file).map(t -> ctx.images().store(t, "community")).orElse(stored);
                return new Post.Image(stored, thumb, file.fileName());
            }
        } catch (IOException e) {
            throw KindredException.invalidField("The picture " + url + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KindredException.invalidField("The import was interrupted.");
        }
    }

    private static String name(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "image" : last;
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) && !r.get(column).isBlank() ? r.get(column) : null;
    }

    private static List<String> split(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator)).filter(s -> !s.isBlank()).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
