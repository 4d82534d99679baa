package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.community.CommunityActivity;
import io.kindred.api.referrals.ReferralSales;
import io.kindred.api.referrals.ReferralService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each creator brings over a period: posts, likes received and comments (community), fans, referred sales and
 * commission (distribution), check-in days; and the monthly report per category. Figures of a plugin that is off are
 * absent (null), so pages and the API hide them.
 */
final class Performance {

    /** A period [from, to) in the site's time zone. */
    record Period(LocalDate first, LocalDate last, Instant from, Instant to) {
    }

    private final PluginContext ctx;
    private final CreatorStore store;

    Performance(PluginContext ctx, CreatorStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** @return the period from {@code from} to {@code to} (days, both included), the last 30 days by default */
    Period period(Optional<String> from, Optional<String> to) {
        try {
            LocalDate last = to.filter(s -> !s.isBlank()).map(LocalDate::parse).orElse(ctx.today());
            LocalDate first = from.filter(s -> !s.isBlank()).map(LocalDate::parse).orElse(last.minusDays(29));
            if (first.isAfter(last)) {
                throw new KindredException(RosterError.BAD_PERIOD, "The period starts after it ends.");
            }
            return days(first, last);
        } catch (DateTimeParseException e) {
            throw new KindredException(RosterError.BAD_PERIOD, "Dates are YYYY-MM-DD.");
        }
    }

    Period month(String month) {
        try {
            YearMonth m = YearMonth.parse(month);
            return days(m.atDay(1), m.atEndOfMonth());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new KindredException(RosterError.BAD_PERIOD, "The month is YYYY-MM.");
        }
    }

    private Period days(LocalDate first, LocalDate last) {
        return new Period(first, last, first.atStartOfDay(ctx.siteZone()).toInstant(),
                last.plusDays(1).atStartOfDay(ctx.siteZone()).toInstant());
    }

    boolean community() {
        return ctx.services().find(CommunityActivity.class).isPresent();
    }

    boolean distribution() {
        return ctx.services().find(ReferralSales.class).isPresent();
    }

    /** @return one creator's figures over the period; a figure is null when its plugin is off */
    Map<String, Object> figures(long userId, Period p) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<CommunityActivity> community = ctx.services().find(CommunityActivity.class);
        m.put("posts", community.map(c -> c.postsBy(userId, p.from(), p.to())).orElse(null));
        m.put("likes", community.map(c -> c.likesReceived(userId, p.from(), p.to())).orElse(null));
        m.put("comments", community.map(c -> c.commentsBy(userId, p.from(), p.to())).orElse(null));
        m.put("fans", ctx.services().find(ReferralService.class).map(r -> r.directFans(userId)).orElse(null));
        Optional<ReferralSales> sales = ctx.services().find(ReferralSales.class);
        m.put("sales", sales.map(s -> s.referredSales(userId, p.from(), p.to())).orElse(null));
        m.put("commission", sales.map(s -> s.commission(userId, p.from(), p.to())).orElse(null));
        m.put("checkinDays", ctx.db().read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM creator_checkins WHERE user_id = :u AND day >= :first AND day <= :last""")
                .bind("u", userId).bind("first", p.first().toString()).bind("last", p.last().toString())
                .mapTo(Long.class).one()));
        return m;
    }

    /** @return the report of a month: per category, new creators, posts, likes, referred sales, commission */
    List<Map<String, Object>> report(Period p) {
        Map<String, Map<String, Object>> byCategory = new TreeMap<>();
        List<Creator> all = ctx.db().read(h -> store.page(h, null, null, null, 0, Integer.MAX_VALUE));
        for (Creator c : all) {
            Map<String, Object> row = byCategory.computeIfAbsent(c.category(), k -> emptyRow(k));
            if (c.createdAt() >= p.from().toEpochMilli() && c.createdAt() < p.to().toEpochMilli()) {
                row.merge("newCreators", 1L, (a, b) -> (Long) a + (Long) b);
            }
            Map<String, Object> f = figures(c.userId(), p);
            for (String k : List.of("posts", "likes", "sales", "commission")) {
                if (f.get(k) != null) {
                    row.merge(k, f.get(k), (a, b) -> (a == null ? 0L : (Long) a) + (Long) b);
                }
            }
        }
        return List.copyOf(byCategory.values());
    }

    private Map<String, Object> emptyRow(String category) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("category", category);
        row.put("newCreators", 0L);
        row.put("posts", community() ? 0L : null);
        row.put("likes", community() ? 0L : null);
        row.put("sales", distribution() ? 0L : null);
        row.put("commission", distribution() ? 0L : null);
        return row;
    }

    /** {@code checkin.recorded}: a creator's check-in day counts towards their activity. */
    void onCheckin(io.kindred.api.events.Event e, org.jdbi.v3.core.Handle tx) {
        Long userId = e.userId();
        String day = e.string("day");
        if (userId == null || day == null || store.find(tx, userId).isEmpty()) {
            return;
        }
        tx.createUpdate("INSERT INTO creator_checkins(user_id, day, created_at) VALUES (:u, :d, :now) ON CONFLICT (user_id, day) DO NOTHING")
                .bind("u", userId).bind("d", day).bind("now", ctx.clock().millis()).execute();
    }
}
