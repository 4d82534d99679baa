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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the check-in path: sustained POST /api/v1/checkins by N concurrent members over HTTP.
 * A member checks in once a day, so "sustained" needs many members: `seed` writes members and sessions
 * straight into a stopped Kindred's database (fixture only; passwords would cost an argon2 hash each), and
 * `load` has N workers take the next member's session and check in, until the members or the time run out.
 *
 *   java -cp sqlite-jdbc.jar CheckinLoad.java seed <data>/kindred.db <members>      (Kindred stopped; dist/bench/run
 *   seeds with `java -jar kindred.jar seed --members N --sessions N` instead, which writes the same sessions file)
 *   java CheckinLoad.java load http://127.0.0.1:<port> <data>/bench-sessions.txt <concurrency> <seconds>
 *
 * Talks to the given loopback address only; every loop is bounded by count and time.
 */
public class CheckinLoad {

    public static void main(String[] a) throws Exception {
        if (a.length >= 3 && a[0].equals("seed")) {
            seed(Path.of(a[1]), Integer.parseInt(a[2]));
        } else if (a.length >= 5 && a[0].equals("load")) {
            load(a[1], Path.of(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
        } else {
            System.err.println("usage: seed <kindred.db> <members> | load <baseUrl> <sessions.txt> <concurrency> <seconds>");
            System.exit(2);
        }
    }

    static void seed(Path db, int members) throws Exception {
        long now = System.currentTimeMillis();
        List<String> tokens = new ArrayList<>(members);
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
                    u.setString(1, "bench-" + i + "-" + now + "@bench.test");
                    u.setString(2, "Bench " + i);
                    u.setString(3, "B" + Long.toString(now % 100000, 36).toUpperCase() + "X" + i);
                    u.setLong(4, now);
                    u.setLong(5, now);
                    long id;
                    try (var rs = u.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    String token = "bench" + HexFormat.of().formatHex(sha.digest((now + ":" + i).getBytes(StandardCharsets.UTF_8)));
                    sess.setString(1, HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8))));
                    sess.setLong(2, id);
                    sess.setLong(3, now);
                    sess.setLong(4, now + 86_400_000L);
                    sess.executeUpdate();
                    tokens.add(token);
                }
            }
            c.commit();
        }
        Path out = db.resolveSibling("bench-sessions.txt");
        Files.write(out, tokens, StandardCharsets.UTF_8);
        System.out.printf("seeded %d members with sessions; tokens in %s%n", members, out);
    }

    static void load(String base, Path sessions, int concurrency, int seconds) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(Files.readAllLines(sessions, StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + "/api/v1/checkins");
        long[][] latencies = new long[concurrency][];
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(concurrency);
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    String token;
                    while (System.nanoTime() < deadline && (token = queue.poll()) != null) {
                        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .header("Cookie", "kindred_session=" + token)
                                .header("X-Requested-With", "kindred")
                                .POST(HttpRequest.BodyPublishers.noBody()).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
                            mine.add(System.nanoTime() - t0);
                            (r.statusCode() == 201 ? ok : failed).incrementAndGet();
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
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> all = new ArrayList<>();
        for (long[] l : latencies) {
            for (long v : l) {
                all.add(v);
            }
        }
        Collections.sort(all);
        System.out.printf("check-ins: %d ok, %d failed in %.1f s with %d concurrent members: %.0f check-ins/s, "
                        + "latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                ok.get(), failed.get(), elapsed, concurrency, ok.get() / elapsed, pct(all, 0.50), pct(all, 0.99), pct(all, 0.999),
                all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
