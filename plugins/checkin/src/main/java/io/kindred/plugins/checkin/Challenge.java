package io.kindred.plugins.checkin;

import io.kindred.api.KindredException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A check-in challenge (打卡活动), e.g. "check in on 7 days this week": who completes it in its window gets the
 * reward once.
 *
 * @param id           id, 0 before it is saved
 * @param title        title
 * @param description  description, may be empty
 * @param startDay     first day, site time zone
 * @param endDay       last day, included
 * @param daysRequired check-in days needed
 * @param consecutive  whether the days must follow each other
 * @param rewardPoints points for completing it
 * @param badge        badge text shown to those who completed it, or null
 * @param autoJoin     whether every member takes part without joining
 */
record Challenge(long id, String title, String description, LocalDate startDay, LocalDate endDay, int daysRequired,
                 boolean consecutive, long rewardPoints, String badge, boolean autoJoin) {

    static final int MAX_DAYS = 366;

    /** @return the number of days from start to end, both included */
    long windowDays() {
        return ChronoUnit.DAYS.between(startDay, endDay) + 1;
    }

    /** @return {@code upcoming}, {@code active} or {@code ended} on {@code today} */
    String status(LocalDate today) {
        return today.isBefore(startDay) ? "upcoming" : today.isAfter(endDay) ? "ended" : "active";
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("description", description);
        m.put("startDay", startDay.toString());
        m.put("endDay", endDay.toString());
        m.put("daysRequired", daysRequired);
        m.put("consecutive", consecutive);
        m.put("rewardPoints", rewardPoints);
        m.put("badge", badge);
        m.put("autoJoin", autoJoin);
        return m;
    }

    /**
     * Applies the fields present in {@code fields} (JSON values or form texts) over this challenge and validates
     * the result.
     *
     * @return the changed challenge; a 400 {@code invalid_field} or {@code missing_field} naming what is wrong
     */
    Challenge with(Map<String, ?> fields) {
        Challenge c = new Challenge(id,
                text(fields, "title", title, 120),
                text(fields, "description", description, 2000),
                day(fields, "startDay", startDay),
                day(fields, "endDay", endDay),
                (int) number(fields, "daysRequired", daysRequired, 1, MAX_DAYS),
                flag(fields, "consecutive", consecutive),
                number(fields, "rewardPoints", rewardPoints, 0, 100_000_000),
                blankToNull(text(fields, "badge", badge, 40)),
                flag(fields, "autoJoin", autoJoin));
        if (c.title() == null || c.title().isBlank()) {
            throw KindredException.missingField("title");
        }
        if (c.startDay() == null) {
            throw KindredException.missingField("startDay");
        }
        if (c.endDay() == null) {
            throw KindredException.missingField("endDay");
        }
        if (c.endDay().isBefore(c.startDay())) {
            throw KindredException.invalidField("The field 'endDay' must not be before 'startDay'.");
        }
        if (c.windowDays() > MAX_DAYS) {
            throw KindredException.invalidField("A challenge lasts at most " + MAX_DAYS + " days.");
        }
        if (c.daysRequired() > c.windowDays()) {
            throw KindredException.invalidField("The field 'daysRequired' must not exceed the " + c.windowDays()
                    + " days from 'startDay' to 'endDay'.");
        }
        return new Challenge(c.id(), c.title().trim(), c.description() == null ? "" : c.description().trim(),
                c.startDay(), c.endDay(), c.daysRequired(), c.consecutive(), c.rewardPoints(), c.badge(), c.autoJoin());
    }

    /** @return an unsaved challenge with nothing set but defaults, to apply fields to */
    static Challenge blank() {
        return new Challenge(0, null, "", null, null, 1, false, 0, null, false);
    }

    private static String text(Map<String, ?> f, String name, String current, int max) {
        if (!f.containsKey(name)) {
            return current;
        }
        Object v = f.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw KindredException.invalidField("The field '" + name + "' must be text.");
        }
        if (s.length() > max) {
            throw KindredException.invalidField("The field '" + name + "' must be at most " + max + " characters.");
        }
        return s;
    }

    private static LocalDate day(Map<String, ?> f, String name, LocalDate current) {
        if (!f.containsKey(name)) {
            return current;
        }
        Object v = f.get(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(v).trim());
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The field '" + name + "' must be a day as YYYY-MM-DD.");
        }
    }

    private static long number(Map<String, ?> f, String name, long current, long min, long max) {
        if (!f.containsKey(name)) {
            return current;
        }
        Object v = f.get(name);
        long n;
        if (v instanceof Integer || v instanceof Long) {
            n = ((Number) v).longValue();
        } else if (v instanceof String s && s.trim().matches("-?\\d{1,12}")) {
            n = Long.parseLong(s.trim());
        } else {
            throw KindredException.invalidField("The field '" + name + "' must be a whole number.");
        }
        if (n < min || n > max) {
            throw KindredException.invalidField("The field '" + name + "' must be from " + min + " to " + max + ".");
        }
        return n;
    }

    private static boolean flag(Map<String, ?> f, String name, boolean current) {
        if (!f.containsKey(name)) {
            return current;
        }
        Object v = f.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase()) {
                case "true", "on", "yes", "1" -> {
                    return true;
                }
                case "false", "off", "no", "0", "" -> {
                    return false;
                }
                default -> {
                    // falls through to the error
                }
            }
        }
        throw KindredException.invalidField("The field '" + name + "' must be true or false.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
