package io.kindred.plugins.checkin;

import io.kindred.api.PluginContext;
import io.kindred.api.notifications.NotificationType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The check-in plugin's reminders, sent by two daily jobs: a challenge a member joined starts tomorrow, and a
 * running streak breaks tonight unless the member checks in (opt-in: members turn it on on their account page).
 * Each reminder has a key of its challenge or day, so a job run again sends nothing twice.
 */
final class Reminders {

    static final NotificationType CHALLENGE_STARTS = NotificationType.of("checkin.challenge_starts");
    /** Opt-in: no channel until the member chooses one. */
    static final NotificationType STREAK_AT_RISK = NotificationType.of("checkin.streak_at_risk").channels();
    /** Streaks shorter than this are not worth a reminder. */
    private static final int MIN_STREAK = 2;
    private static final int BATCH = 200;

    private final PluginContext ctx;
    private final ChallengeStore challenges;
    private final CheckinStore checkins;

    Reminders(PluginContext ctx, ChallengeStore challenges, CheckinStore checkins) {
        this.ctx = ctx;
        this.challenges = challenges;
        this.checkins = checkins;
    }

    private LocalDate today(Instant now) {
        return now.atZone(ctx.siteZone()).toLocalDate();
    }

    /** Job {@code remind-challenges}: the members who joined a challenge starting tomorrow. @return reminders sent */
    long challengesStartingTomorrow(Instant now) {
        LocalDate tomorrow = today(now).plusDays(1);
        List<ChallengeStore.Joined> joined = ctx.db().read(h -> challenges.joinedStartingOn(h, tomorrow));
        return sendInBatches(joined, j -> new Reminder(j.userId(), CHALLENGE_STARTS.code(),
                Map.of("challenge", j.title(), "day", tomorrow.toString()), "/checkin/challenges/" + j.challengeId(),
                "checkin:challenge-starts:" + j.challengeId() + ":" + j.userId()));
    }

    /**
     * Job {@code remind-streaks} (20:00): members whose streak of at least two days ended yesterday and who have not
     * checked in today. @return reminders stored (only members who turned the reminder on get one)
     */
    long streaksAtRisk(Instant now) {
        LocalDate today = today(now);
        List<CheckinStore.RunAtRisk> runs = ctx.db().read(h -> checkins.runsAtRisk(h, today, MIN_STREAK));
        return sendInBatches(runs, r -> new Reminder(r.userId(), STREAK_AT_RISK.code(), Map.of("days", r.runLength()),
                "/checkin", "checkin:streak-at-risk:" + r.userId() + ":" + today));
    }

    private record Reminder(long userId, String type, Map<String, ?> params, String link, String key) {
    }

    private <T> long sendInBatches(List<T> rows, java.util.function.Function<T, Reminder> reminder) {
        long sent = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<T> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            sent += ctx.db().write(tx -> {
                long n = 0;
                for (T row : batch) {
                    Reminder r = reminder.apply(row);
                    if (checkins.markReminded(tx, r.key(), ctx.clock().millis())
                            && ctx.notifications().send(tx, r.userId(), r.type(), r.params(), r.link(), r.key()).isPresent()) {
                        n++;
                    }
                }
                return n;
            });
        }
        return sent;
    }
}
