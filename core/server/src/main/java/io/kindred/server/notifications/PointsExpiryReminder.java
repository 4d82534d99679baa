package io.kindred.server.notifications;

import io.kindred.api.db.Database;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Core job {@code remind-expiring-points} (daily): tells each member whose points expire within 30 days, at most
 * once a calendar month (site time zone), with the type {@value #TYPE}.
 */
public final class PointsExpiryReminder {

    /** The type of the reminder. */
    public static final String TYPE = "core.points_expiring";

    private final Database db;
    private final NotificationStore store;
    private final NotificationService notifications;
    private final Supplier<ZoneId> zone;

    public PointsExpiryReminder(Database db, NotificationStore store, NotificationService notifications,
                                Supplier<ZoneId> zone) {
        this.db = db;
        this.store = store;
        this.notifications = notifications;
        this.zone = zone;
    }

    /** @return how many members were told (or had been told this month already) */
    public long run(Instant now) {
        long from = now.toEpochMilli();
        List<NotificationStore.Expiring> expiring = db.read(h -> store.expiringPoints(h, from,
                from + Duration.ofDays(30).toMillis()));
        String month = YearMonth.from(now.atZone(zone.get())).toString();
        for (NotificationStore.Expiring e : expiring) {
            // A lot expiring at midnight belongs to the day before: the last day it can be spent.
            LocalDate lastDay = LocalDate.ofInstant(Instant.ofEpochMilli(e.firstExpiresAt() - 1), zone.get());
            notifications.send(e.userId(), TYPE, Map.of("amount", e.amount(), "day", lastDay.toString()), "/points",
                    "core:points-expiring:" + month);
        }
        return expiring.size();
    }
}
