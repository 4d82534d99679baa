package io.kindred.plugins.checkin;

import io.kindred.api.KindredException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
     * Applies the fields given in {@code change} over this challenge and validates the result.
     *
     * @return the changed challenge; a 400 {@code invalid_field} or {@code missing_field} naming what is wrong
     */
    Challenge with(ChallengeChange change) {
        Challenge c = new Challenge(id,
                text(change.title(), title, "title", 120),
                text(change.description(), description, "description", 2000),
                change.startDay().orElse(startDay),
                change.endDay().orElse(endDay),
                (int) number(change.daysRequired(), daysRequired, "daysRequired", 1, MAX_DAYS),
                change.consecutive().orElse(consecutive),
                number(change.rewardPoints(), rewardPoints, "rewardPoints", 0, 100_000_000),
                blankToNull(text(change.badge(), badge, "badge", 40)),
                change.autoJoin().orElse(autoJoin));
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

    private static String text(Optional<String> given, String current, String name, int max) {
        if (given.isEmpty()) {
            return current;
        }
        if (given.get().length() > max) {
            throw KindredException.invalidField("The field '" + name + "' must be at most " + max + " characters.");
        }
        return given.get();
    }

    private static long number(Optional<? extends Number> given, long current, String name, long min, long max) {
        if (given.isEmpty()) {
            return current;
        }
        long n = given.get().longValue();
        if (n < min || n > max) {
            throw KindredException.invalidField("The field '" + name + "' must be from " + min + " to " + max + ".");
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
