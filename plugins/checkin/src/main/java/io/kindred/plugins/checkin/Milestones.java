package io.kindred.plugins.checkin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Bonus points at given counts, written as operators type them: {@code "3:5,7:20"} means +5 points on the
 * 3rd day and +20 on the 7th. Used for streak milestones and for monthly cumulative milestones.
 *
 * @param steps the milestones, ordered by count, counts unique
 */
record Milestones(List<Milestone> steps) {

    /** One milestone: {@code points} on reaching {@code count}. */
    record Milestone(int count, long points) {
    }

    static final int MAX_COUNT = 366;

    /** The text form settings store and forms show, e.g. {@code 3:5,7:20}. */
    @Override
    public String toString() {
        return String.join(",", steps.stream().map(m -> m.count() + ":" + m.points()).toList());
    }

    static final long MAX_POINTS = 1_000_000;

    Milestones {
        steps = List.copyOf(steps);
    }

    static Milestones none() {
        return new Milestones(List.of());
    }

    /**
     * @param name the setting's name, for the error sentence
     * @param text e.g. {@code "3:5, 7:20"}; blank for none
     * @return the milestones; IllegalArgumentException with a readable sentence when the text is wrong
     */
    static Milestones parse(String name, String text) {
        List<Milestone> steps = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return none();
        }
        for (String part : text.split(",")) {
            String[] countAndPoints = part.trim().split("\\s*:\\s*");
            if (countAndPoints.length != 2) {
                throw new IllegalArgumentException(name + " is a list like 3:5,7:20 (day:points, comma-separated)");
            }
            int count = number(name, countAndPoints[0], 1, MAX_COUNT);
            long points = number(name, countAndPoints[1], 0, (int) MAX_POINTS);
            if (steps.stream().anyMatch(s -> s.count() == count)) {
                throw new IllegalArgumentException(name + " names day " + count + " twice");
            }
            steps.add(new Milestone(count, points));
        }
        steps.sort(Comparator.comparingInt(Milestone::count));
        return new Milestones(steps);
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the sentence
        }
        throw new IllegalArgumentException(name + ": '" + text.trim() + "' must be a whole number from " + min + " to " + max);
    }

    /** @param count a streak or a count of check-ins @return the bonus paid on reaching exactly it */
    Optional<Milestone> at(int count) {
        return steps.stream().filter(s -> s.count() == count).findFirst();
    }

    /** @return the highest count, or 0 when there are none */
    int last() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).count();
    }

    /** @return the text form, as parsed */
    String format() {
        return steps.stream().map(s -> s.count() + ":" + s.points()).collect(Collectors.joining(","));
    }
}
