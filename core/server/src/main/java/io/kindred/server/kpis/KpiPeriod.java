package io.kindred.server.kpis;

import io.kindred.api.KindredException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The days the KPIs cover, both included, in the site's time zone. Chosen by a preset ({@code 7d},
 * {@code 30d}, {@code 90d}: that many days ending today; {@code 12m}: the twelve months ending today) or by
 * {@code from} and {@code to} dates; at most {@value #MAX_DAYS} days.
 *
 * @param from   first day
 * @param to     last day
 * @param preset the preset it came from, or null for dates
 */
public record KpiPeriod(LocalDate from, LocalDate to, String preset) {

    public static final List<String> PRESETS = List.of("7d", "30d", "90d", "12m");
    public static final String DEFAULT_PRESET = "30d";
    static final int MAX_DAYS = 1_100;

    /** @return the days the preset names, ending {@code today} */
    public static KpiPeriod preset(String name, LocalDate today) {
        return switch (name) {
            case "7d" -> new KpiPeriod(today.minusDays(6), today, name);
            case "30d" -> new KpiPeriod(today.minusDays(29), today, name);
            case "90d" -> new KpiPeriod(today.minusDays(89), today, name);
            case "12m" -> new KpiPeriod(today.minusMonths(12).plusDays(1), today, name);
            default -> throw KindredException.invalidField("The period must be one of " + String.join(", ", PRESETS) + ".");
        };
    }

    /**
     * Reads {@code from}/{@code to} (YYYY-MM-DD) or a preset; nothing given means the default preset.
     *
     * @throws KindredException 400 {@code invalid_field} for a date that is not one, {@code to} before
     *                          {@code from}, or more than {@value #MAX_DAYS} days
     */
    public static KpiPeriod of(String from, String to, String preset, LocalDate today) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (!hasFrom && !hasTo) {
            return preset(preset == null || preset.isBlank() ? DEFAULT_PRESET : preset.trim(), today);
        }
        LocalDate end = hasTo ? date("to", to) : today;
        LocalDate start = hasFrom ? date("from", from) : end.minusDays(29);
        if (end.isBefore(start)) {
            throw KindredException.invalidField("The day 'to' must not be before 'from'.");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw KindredException.invalidField("A period covers at most " + MAX_DAYS + " days.");
        }
        return new KpiPeriod(start, end, null);
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The day '" + name + "' must be a date written YYYY-MM-DD.");
        }
    }

    /** @return how many days it covers */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
