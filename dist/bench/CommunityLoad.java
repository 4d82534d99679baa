import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver of the community home page (issue 14). {@code seed} writes members with sessions, posts (with tags
 * and search rows), likes and comments counts straight into a stopped Kindred's database; {@code load} asks for
 * {@code GET /community} with CONCURRENCY clients for SECONDS, anonymously or signed in (one session per client),
 * and prints requests/s and latency percentiles.
 * Run: java -cp sqlite-jdbc.jar CommunityLoad.java seed kindred.db 100000 1000
 *      java CommunityLoad.java load http://127.0.0.1:17373 anonymous|signed-in sessions.txt 32 20
 */
public class CommunityLoad {

    public static void main(String[] a) throws Exception {
        if (a.length >= 4 && a[0].equals("seed")) {
            seed(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]));
        } else if (a.length >= 6 && a[0].equals("load")) {
            load(a[1], a[2].equals("signed-in"), Path.of(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]));
        } else {
            System.err.println("usage: seed <kindred.db> <posts> <members> | load <baseUrl> anonymous|signed-in <sessions.txt> <concurrency> <seconds>");
            System.exit(2);
        }
    }

    static void seed(Path db, int posts, int members) throws Exception {
        long now = System.currentTimeMillis();
        Random random = new Random(14);
        List<Long> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
            }
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("""
                    INSERT INTO users(email, display_name, referral_code, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?) RETURNING id""");
                 PreparedStatement sess = c.prepareStatement("""
                    INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, 'bench', ?, ?)""")) {
                for (int i = 0; i < members; i++) {
                    u.setString(1, "poster-" + i + "-" + now + "@bench.test");
                    u.setString(2, "Poster " + i);
                    u.setString(3, "P" + Long.toString(now % 100000, 36).toUpperCase() + "X" + i);
                    u.setLong(4, now);
                    u.setLong(5, now);
                    try (var rs = u.executeQuery()) {
                        rs.next();
                        users.add(rs.getLong(1));
                    }
                    String token = "bench" + HexFormat.of().formatHex(sha.digest((now + ":c:" + i).getBytes(StandardCharsets.UTF_8)));
                    sess.setString(1, HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8))));
                    sess.setLong(2, users.get(i));
                    sess.setLong(3, now);
                    sess.setLong(4, now + 86_400_000L);
                    sess.executeUpdate();
                    tokens.add(token);
                }
            }
            String[] words = {"serum", "cream", "polo", "doll", "badge", "winter", "summer", "skin", "gift", "review"};
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO community_posts(user_id, category_id, title, body, body_html, excerpt, product_url, official, status,
                           like_count, comment_count, share_count, hot_score, pinned_home, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 'published', ?, ?, ?, ?, 0, ?, ?) RETURNING id""");
                 PreparedStatement t = c.prepareStatement("INSERT INTO community_post_tags(post_id, tag) VALUES (?, ?)");
                 PreparedStatement f = c.prepareStatement("INSERT INTO community_search(rowid, title, body, tags) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < posts; i++) {
                    long created = now - (long) (posts - i) * 60_000L;
                    String word = words[i % words.length];
                    String body = "Post " + i + " about the " + word + ": " + "lorem ipsum dolor sit amet ".repeat(4);
                    long likes = random.nextInt(200);
                    long comments = random.nextInt(30);
                    long shares = random.nextInt(5);
                    p.setLong(1, users.get(random.nextInt(users.size())));
                    p.setLong(2, 1 + (i % 3));
                    p.setString(3, "My " + word + " story #" + i);
                    p.setString(4, body);
                    p.setString(5, "<p>" + body + "</p>\n");
                    p.setString(6, body.length() > 140 ? body.substring(0, 140) + "…" : body);
                    p.setLong(7, likes);
                    p.setLong(8, comments);
                    p.setLong(9, shares);
                    p.setDouble(10, Math.log10(Math.max(1, likes + 2 * comments + 3 * shares)) + (created / 1000.0) / 45000);
                    p.setLong(11, created);
                    p.setLong(12, created);
                    long id;
                    try (var rs = p.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    t.setLong(1, id);
                    t.setString(2, word);
                    t.executeUpdate();
                    f.setLong(1, id);
                    f.setString(2, "My " + word + " story #" + i);
                    f.setString(3, body);
                    f.setString(4, word);
                    f.executeUpdate();
                }
            }
            c.commit();
        }
        Path out = db.resolveSibling("bench-community-sessions.txt");
        Files.write(out, tokens, StandardCharsets.UTF_8);
        System.out.printf("seeded %d posts by %d members with sessions; tokens in %s%n", posts, members, out);
    }

    static void load(String base, boolean signedIn, Path sessions, int concurrency, int seconds) throws Exception {
        List<String> tokens = Files.readAllLines(sessions, StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + System.getProperty("path", "/community"));
        long[][] latencies = new long[concurrency][];
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), bytes = new AtomicLong();
        long warmup = System.nanoTime() + 3_000_000_000L;
        long deadline = warmup + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
                    if (signedIn) {
                        b.header("Cookie", "kindred_session=" + tokens.get(worker % tokens.size()));
                    }
                    HttpRequest req = b.build();
                    long now;
                    while ((now = System.nanoTime()) < deadline) {
                        try {
                            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            if (now < warmup) {
                                continue;
                            }
                            mine.add(System.nanoTime() - now);
                            boolean good = r.statusCode() == 200 && (!signedIn || new String(r.body(), StandardCharsets.UTF_8).contains("signout"));
                            (good ? ok : failed).incrementAndGet();
                            bytes.addAndGet(r.body().length);
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    latencies[worker] = mine.stream().mapToLong(Long::longValue).toArray();
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        List<Long> all = new ArrayList<>();
        for (long[] l : latencies) {
            for (long v : l) {
                all.add(v);
            }
        }
        Collections.sort(all);
        System.out.printf("GET " + uri.getPath() + " %s: %d ok, %d failed in %d s with %d clients: %.0f req/s, "
                        + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f KB per page%n",
                signedIn ? "signed in" : "anonymous", ok.get(), failed.get(), seconds, concurrency, ok.get() / (double) seconds,
                pct(all, 0.50), pct(all, 0.99), all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e6,
                ok.get() == 0 ? 0 : bytes.get() / 1024.0 / (ok.get() + failed.get()));
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
