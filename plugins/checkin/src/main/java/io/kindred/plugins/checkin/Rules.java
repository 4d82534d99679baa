package io.kindred.plugins.checkin;

import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.SettingType;
import io.kindred.api.settings.Settings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The operator's reward rules, read from settings once per request so that one check-in sees one set of
 * rules.
 *
 * @param pointsPerCheckin base points for every check-in (make-ups included)
 * @param streakMilestones bonus points on reaching a streak
 * @param monthlyMilestones bonus points on the n-th check-in of a month
 * @param cycle            when the streak starts again from 1
 * @param makeupsPerMonth  make-up check-ins a member may do per month
 * @param makeupCost       points a make-up costs
 */
record Rules(int pointsPerCheckin, Milestones streakMilestones, Milestones monthlyMilestones, Cycle cycle,
             int makeupsPerMonth, int makeupCost) {

    static final SettingDefinition<Integer> POINTS_PER_CHECKIN = SettingDefinition.integer("pointsPerCheckin", 5, 0,
            100_000, "Points for each daily check-in");
    static final SettingDefinition<Milestones> STREAK_MILESTONES = milestones("streakMilestones", "3:5,7:20",
            "Bonus points when the streak reaches a day, as day:points pairs (e.g. 3:5,7:20)");
    static final SettingDefinition<Milestones> MONTHLY_MILESTONES = milestones("monthlyMilestones", "10:10,20:30",
            "Bonus points for the n-th check-in of a month, as n:points pairs (e.g. 10:10,20:30)");
    static final SettingDefinition<String> CYCLE = SettingDefinition.choice("cycle", Cycle.NEVER.code(),
            Cycle.codes(), "When the streak starts again from 1: never, weekly (Mondays), monthly (the 1st),"
                    + " or after_last_milestone");
    static final SettingDefinition<Integer> MAKEUPS_PER_MONTH = SettingDefinition.integer("makeupsPerMonth", 2, 0, 31,
            "Make-up check-ins (补签) a member may do per month");
    static final SettingDefinition<Integer> MAKEUP_COST = SettingDefinition.integer("makeupCost", 10, 0, 100_000,
            "Points a make-up check-in costs");

    /** Every setting, in the order of the rules form. */
    static final List<SettingDefinition<?>> ALL = List.of(POINTS_PER_CHECKIN, STREAK_MILESTONES, MONTHLY_MILESTONES,
            CYCLE, MAKEUPS_PER_MONTH, MAKEUP_COST);

    static Rules current(Settings settings) {
        return new Rules(settings.get(POINTS_PER_CHECKIN), settings.get(STREAK_MILESTONES),
                settings.get(MONTHLY_MILESTONES), Cycle.fromCode(settings.get(CYCLE)),
                settings.get(MAKEUPS_PER_MONTH), settings.get(MAKEUP_COST));
    }

    /** @param definition one of {@link #ALL} @return this set's value of it, as the settings text */
    String text(SettingDefinition<?> definition) {
        Object v = switch (definition.name()) {
            case "pointsPerCheckin" -> pointsPerCheckin;
            case "streakMilestones" -> streakMilestones.format();
            case "monthlyMilestones" -> monthlyMilestones.format();
            case "cycle" -> cycle.code();
            case "makeupsPerMonth" -> makeupsPerMonth;
            case "makeupCost" -> makeupCost;
            default -> throw new IllegalArgumentException("not a check-in rule: " + definition.name());
        };
        return String.valueOf(v);
    }

    /**
     * @param runLength consecutive days ending on {@code day}
     * @param day       the day
     * @return the streak members see and milestones count: the run, cut where the cycle starts again
     */
    int streakOf(int runLength, LocalDate day) {
        return switch (cycle) {
            case NEVER -> runLength;
            case WEEKLY -> Math.min(runLength, day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue() + 1);
            case MONTHLY -> Math.min(runLength, day.getDayOfMonth());
            case AFTER_LAST_MILESTONE -> {
                int last = streakMilestones.last();
                yield last == 0 ? runLength : (runLength - 1) % last + 1;
            }
        };
    }

    private static SettingDefinition<Milestones> milestones(String name, String def, String description) {
        return new SettingDefinition<>(name, SettingType.TEXT, Milestones.parse(name, def), description,
                text -> Milestones.parse(name, text), List.of());
    }

    /** When the streak starts again from 1. */
    enum Cycle {
        /** Only a missed day ends the streak. */
        NEVER,
        /** Every Monday. */
        WEEKLY,
        /** On the 1st of every month. */
        MONTHLY,
        /** The day after the last streak milestone is reached. */
        AFTER_LAST_MILESTONE;

        String code() {
            return name().toLowerCase();
        }

        static List<String> codes() {
            return java.util.Arrays.stream(values()).map(Cycle::code).toList();
        }

        static Cycle fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }
}
