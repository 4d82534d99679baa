import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of segment counts (issue 16): `seed` writes N members straight into a stopped Kindred's database, with
 * what purchases, sign-ins and labels leave on them (purchase_count, total_spent, last_purchase_day,
 * last_active_day, labels, points balances), spread over 18 months; `count` signs in as the administrator, saves a few
 * typical segments over HTTP and times GET /api/v1/admin/segments/{id}, whose answer carries the live count (one cold
 * read, then the median and the worst of RUNS more). The fixture skips the purchases table and ledger entries: no
 * count reads them (the figures they leave on the member row are what the filters read).
 *
 *   java -cp sqlite-jdbc.jar SegmentLoad.java seed <data>/kindred.db <members>      (Kindred stopped)
 *   java SegmentLoad.java count http://127.0.0.1:<port> <admin email> <admin password> <runs>
 *
 * Talks to the given loopback address only; every loop is bounded.
 */
public class SegmentLoad {

    static final String[] LABELS = {"vip", "newsletter", "wechat", "offline", "churned", "kol"};
    static final double[] SHARE = {0.10, 0.40, 0.30, 0.15, 0.08, 0.01};

    public static void main(String[] a) throws Exception {
        if (a.length >= 3 && a[0].equals("seed")) {
            seed(Path.of(a[1]), Integer.parseInt(a[2]));
        } else if (a.length >= 5 && a[0].equals("count")) {
            count(a[1], a[2], a[3], Integer.parseInt(a[4]));
        } else {
            System.err.println("usage: seed <kindred.db> <members> | count <baseUrl> <admin email> <password> <runs>");
            System.exit(2);
        }
    }

    static void seed(Path db, int members) throws Exception {
        long started = System.nanoTime();
        Random r = new Random(16);
        LocalDate today = LocalDate.now();
        long now = System.currentTimeMillis();
        long eighteenMonths = Duration.ofDays(548).toMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=OFF");
            }
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("""
                    INSERT INTO users(email, display_name, referral_code, total_spent, purchase_count, last_purchase_day,
                                      last_active_day, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?) RETURNING id""");
                 PreparedStatement l = c.prepareStatement("INSERT INTO user_labels(user_id, label, created_at) VALUES (?, ?, ?)");
                 PreparedStatement p = c.prepareStatement("""
                         INSERT INTO ledger_accounts(asset, user_id, balance, created_at) VALUES ('points', ?, ?, ?)""")) {
                for (int i = 0; i < members; i++) {
                    long joined = now - (long) (r.nextDouble() * eighteenMonths);
                    int purchases = r.nextInt(10) < 3 ? 0 : 1 + (int) Math.min(40, Math.abs(r.nextGaussian() * 5));
                    long spent = 0;
                    for (int k = 0; k < purchases; k++) {
                        spent += 1_000 + r.nextInt(60_000);
                    }
                    int joinedDaysAgo = (int) ((now - joined) / 86_400_000L);
                    String lastPurchase = purchases == 0 ? null : today.minusDays(r.nextInt(joinedDaysAgo + 1)).toString();
                    String lastActive = today.minusDays(r.nextInt(joinedDaysAgo + 1)).toString();
                    if (lastPurchase != null && lastPurchase.compareTo(lastActive) > 0) {
                        lastActive = lastPurchase;
                    }
                    u.setString(1, "m" + i + "@bench.test");
                    u.setString(2, "Member " + i);
                    u.setString(3, "B" + Integer.toString(i, 36).toUpperCase());
                    u.setLong(4, spent);
                    u.setLong(5, purchases);
                    u.setString(6, lastPurchase);
                    u.setString(7, lastActive);
                    u.setLong(8, joined);
                    u.setLong(9, joined);
                    long id;
                    try (var rs = u.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    for (int k = 0; k < LABELS.length; k++) {
                        if (r.nextDouble() < SHARE[k]) {
                            l.setLong(1, id);
                            l.setString(2, LABELS[k]);
                            l.setLong(3, joined);
                            l.addBatch();
                        }
                    }
                    if (r.nextDouble() < 0.6) {
                        p.setLong(1, id);
                        p.setLong(2, r.nextInt(5_000));
                        p.setLong(3, joined);
                        p.addBatch();
                    }
                    if (i % 10_000 == 9_999) {
                        l.executeBatch();
                        p.executeBatch();
                    }
                }
                l.executeBatch();
                p.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
        }
        System.out.printf("seeded %,d members in %.1f s%n", members, (System.nanoTime() - started) / 1e9);
    }

    static void count(String base, String email, String password, int runs) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        send(client, base, "POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", 200);
        LocalDate today = LocalDate.now();
        Map<String, String> segments = new LinkedHashMap<>();
        segments.put("every member", "{}");
        segments.put("RFM champions (R>=4, F>=4, M>=4)", "{\"rMin\":4,\"fMin\":4,\"mMin\":4}");
        segments.put("vip who spent >= 500.00", "{\"label\":\"vip\",\"minSpent\":50000}");
        segments.put("lapsed buyers (R<=2) not churned", "{\"rMax\":2,\"noLabel\":\"churned\"}");
        segments.put("active in the last 30 days, joined in the last year", "{\"activeFrom\":\"" + today.minusDays(30)
                + "\",\"joinedFrom\":\"" + today.minusDays(365) + "\"}");
        segments.put("points >= 1000 and newsletter and wechat", "{\"minPoints\":1000,\"labelsAll\":\"newsletter,wechat\"}");
        long t0 = System.nanoTime();
        send(client, base, "POST", "/api/v1/admin/rfm/recompute", "{}", 200);
        System.out.printf("RFM boundaries recomputed in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        System.out.printf("%-55s %10s %8s %8s %8s%n", "segment", "count", "cold ms", "median", "max");
        int n = 0;
        for (Map.Entry<String, String> s : segments.entrySet()) {
            String created = send(client, base, "POST", "/api/v1/admin/segments",
                    "{\"name\":\"bench " + (n++) + "\",\"filters\":" + s.getValue() + "}", 201);
            String id = field(created, "id");
            long[] ms = new long[runs + 1];
            String answer = "";
            for (int i = 0; i <= runs; i++) {
                long t = System.nanoTime();
                answer = send(client, base, "GET", "/api/v1/admin/segments/" + id, null, 200);
                ms[i] = (System.nanoTime() - t) / 1_000_000;
            }
            long cold = ms[0];
            long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(warm);
            System.out.printf("%-55s %10s %8d %8d %8d%n", s.getKey(), field(answer, "count"), cold, warm[warm.length / 2],
                    warm[warm.length - 1]);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String send(HttpClient client, String base, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("X-Requested-With", "kindred").header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
