package io.kindred.server.pages;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The template filter {@code when}: a moment as a member reads it, in the site's time zone and the page's language
 * ({@code Dec 7, 2026, 11:03 AM}, {@code 2026年12月7日 11:03}); {@code when('date')} gives the day only. Takes an
 * {@link Instant}, an ISO-8601 instant or day text ({@code 2026-12-07T03:03:00.020Z}, {@code 2026-12-07}) or epoch
 * milliseconds; anything else is shown as it is, empty stays empty. {@code when('relative')} says how long ago a
 * recent moment was ({@code just now}, {@code 5 minutes ago}, {@code Yesterday 14:03}, {@code 3 days ago}; 刚刚,
 * 5 分钟前, 昨天 14:03, 3 天前) and gives the date from a week back; the exact time stays in {@code <time datetime>}.
 */
final class WhenFilter implements Filter {

    private final Supplier<ZoneId> zone;
    private final java.time.Clock clock;
    private final Messages messages;

    WhenFilter(Supplier<ZoneId> zone, java.time.Clock clock, Messages messages) {
        this.zone = zone;
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public List<String> getArgumentNames() {
        return List.of("style");
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                        int lineNumber) {
        boolean dateOnly = "date".equals(args.get("style"));
        if (input == null || input.toString().isBlank()) {
            return "";
        }
        LocalDate day = input instanceof LocalDate d ? d : day(input.toString());
        if (day != null) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(context.getLocale()).format(day);
        }
        Instant at = instant(input);
        if (at == null) {
            return input.toString();
        }
        if ("relative".equals(args.get("style"))) {
            return relative(at, context.getLocale());
        }
        DateTimeFormatter f = dateOnly ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
        return f.withLocale(context.getLocale()).withZone(zone.get()).format(at);
    }

    private String relative(Instant at, java.util.Locale locale) {
        java.time.Duration ago = java.time.Duration.between(at, clock.instant());
        ZoneId z = zone.get();
        LocalDate today = LocalDate.ofInstant(clock.instant(), z);
        LocalDate day = LocalDate.ofInstant(at, z);
        if (ago.isNegative() || ago.toDays() >= 7) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
        }
        if (ago.toMinutes() < 1) {
            return messages.get(locale, "time.justNow");
        }
        if (ago.toMinutes() < 60) {
            return messages.get(locale, "time.minutesAgo", ago.toMinutes());
        }
        if (day.equals(today)) {
            return messages.get(locale, "time.hoursAgo", ago.toHours());
        }
        String clockTime = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(z).format(at);
        if (day.equals(today.minusDays(1))) {
            return messages.get(locale, "time.yesterday", clockTime);
        }
        return messages.get(locale, "time.daysAgo", java.time.temporal.ChronoUnit.DAYS.between(day, today));
    }

    private static LocalDate day(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant instant(Object input) {
        if (input instanceof Instant i) {
            return i;
        }
        if (input instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        String text = input.toString().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
