package io.kindred.plugins.community;

import io.kindred.api.KindredException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A content-creation contest (内容创作活动). Its entries are the published posts in its category (sub-categories
 * included) and/or carrying its tag, published between its start and end days when {@code entriesInWindow}.
 *
 * @param id              id, 0 before it is saved
 * @param title           title
 * @param rules           rules in Markdown
 * @param rulesHtml       the rules rendered and sanitised
 * @param categoryId      the category of entries, or null
 * @param tag             the tag of entries, or null
 * @param startDay        first day, site time zone
 * @param endDay          last day, included
 * @param entriesInWindow whether entries must be published from the start to the end
 * @param voting          whether members vote
 * @param votingStartDay  first day of voting
 * @param votingEndDay    last day of voting, included
 * @param votesPerMember  votes each member has (one per entry)
 * @param closedAt        when an operator ended it early, or null
 * @param decidedAt       when the winners were picked and paid, or null
 * @param prizes          the prize of each rank, by rank
 */
record Contest(long id, String title, String rules, String rulesHtml, Long categoryId, String tag, LocalDate startDay,
               LocalDate endDay, boolean entriesInWindow, boolean voting, LocalDate votingStartDay,
               LocalDate votingEndDay, int votesPerMember, Long closedAt, Long decidedAt, List<Prize> prizes) {

    static final int MAX_DAYS = 366;
    static final int MAX_RANKS = 20;
    static final int MAX_VOTES = 1000;

    /** Where a contest is in its life. */
    enum Phase {
        /** before its start day */
        UPCOMING,
        /** taking entries */
        OPEN,
        /** past its end day or ended by an operator: winners may be picked */
        ENDED,
        /** winners picked and paid */
        DECIDED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The prize of a rank.
     *
     * @param rank   1 for the first place
     * @param points points paid through the ledger, 0 for none
     * @param title  a title shown with the winner, or null
     * @param badge  the code of a badge granted to the winner ({@link io.kindred.api.badges.BadgeService}), or null
     */
    record Prize(int rank, long points, String title, String badge) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", rank);
            m.put("points", points);
            m.put("title", title);
            m.put("badge", badge);
            return m;
        }
    }

    Phase phase(LocalDate today) {
        if (decidedAt != null) {
            return Phase.DECIDED;
        }
        if (closedAt != null || today.isAfter(endDay)) {
            return Phase.ENDED;
        }
        return today.isBefore(startDay) ? Phase.UPCOMING : Phase.OPEN;
    }

    boolean votingOpen(LocalDate today) {
        return voting && decidedAt == null && !today.isBefore(votingStartDay) && !today.isAfter(votingEndDay);
    }

    /** @return the first instant an entry may be published at, or null when any time counts */
    Long entriesFrom(ZoneId zone) {
        return entriesInWindow ? startDay.atStartOfDay(zone).toInstant().toEpochMilli() : null;
    }

    /** @return the instant from which posts are no longer entries, or null when any time counts */
    Long entriesUntil(ZoneId zone) {
        if (!entriesInWindow) {
            return null;
        }
        long end = endDay.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return closedAt == null ? end : Math.min(end, closedAt);
    }

    Optional<Prize> prize(int rank) {
        return prizes.stream().filter(p -> p.rank() == rank).findFirst();
    }

    Map<String, Object> json(LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("rules", rules);
        m.put("rulesHtml", rulesHtml);
        m.put("categoryId", categoryId);
        m.put("tag", tag);
        m.put("startDay", startDay.toString());
        m.put("endDay", endDay.toString());
        m.put("entriesInWindow", entriesInWindow);
        m.put("voting", voting);
        m.put("votingStartDay", votingStartDay.toString());
        m.put("votingEndDay", votingEndDay.toString());
        m.put("votesPerMember", votesPerMember);
        m.put("prizes", prizes.stream().map(Prize::json).toList());
        m.put("status", phase(today).code());
        m.put("votingOpen", votingOpen(today));
        m.put("endedAt", closedAt == null ? null : Instant.ofEpochMilli(closedAt).toString());
        m.put("decidedAt", decidedAt == null ? null : Instant.ofEpochMilli(decidedAt).toString());
        return m;
    }

    /** @return an unsaved contest with nothing set but defaults, to apply fields to */
    static Contest blank() {
        return new Contest(0, null, "", "", null, null, null, null, true, false, null, null, 3, null, null, List.of());
    }

    /**
     * Applies the fields given in {@code change} over this contest and validates the result (not the category,
     * which the service checks). @return the changed contest; a 400 naming what is wrong
     */
    Contest with(ContestChange change) {
        String t = text(change.title(), title, "title", 120);
        if (t == null || t.isBlank()) {
            throw KindredException.missingField("title");
        }
        String r = text(change.rules(), rules, "rules", Posts.MAX_BODY).strip();
        Long category = change.categoryId().map(c -> c == 0 ? null : c).orElse(categoryId);
        String tg = change.tag().map(s -> s.isBlank() ? null : Posts.tags(List.of(s)).get(0)).orElse(tag);
        if (category == null && tg == null) {
            throw KindredException.missingField("categoryId");
        }
        LocalDate start = required(change.startDay().orElse(startDay), "startDay");
        LocalDate end = required(change.endDay().orElse(endDay), "endDay");
        window(start, end, "startDay", "endDay");
        LocalDate voteStart = change.votingStartDay().orElse(votingStartDay == null ? start : votingStartDay);
        LocalDate voteEnd = change.votingEndDay().orElse(votingEndDay == null ? end : votingEndDay);
        window(voteStart, voteEnd, "votingStartDay", "votingEndDay");
        int votes = change.votesPerMember().orElse(votesPerMember);
        if (votes < 1 || votes > MAX_VOTES) {
            throw KindredException.invalidField("The field 'votesPerMember' must be from 1 to " + MAX_VOTES + ".");
        }
        List<Prize> p = change.prizes().map(Contest::prizes).orElse(prizes);
        return new Contest(id, t.strip(), r, Markdown.toHtml(r), category, tg, start, end,
                change.entriesInWindow().orElse(entriesInWindow), change.voting().orElse(voting), voteStart, voteEnd,
                votes, closedAt, decidedAt, p);
    }

    Contest closed(long at) {
        return new Contest(id, title, rules, rulesHtml, categoryId, tag, startDay, endDay, entriesInWindow, voting,
                votingStartDay, votingEndDay, votesPerMember, at, decidedAt, prizes);
    }

    Contest withPrizes(List<Prize> newPrizes) {
        return new Contest(id, title, rules, rulesHtml, categoryId, tag, startDay, endDay, entriesInWindow, voting,
                votingStartDay, votingEndDay, votesPerMember, closedAt, decidedAt, List.copyOf(newPrizes));
    }

    Contest withId(long newId) {
        return new Contest(newId, title, rules, rulesHtml, categoryId, tag, startDay, endDay, entriesInWindow, voting,
                votingStartDay, votingEndDay, votesPerMember, closedAt, decidedAt, prizes);
    }

    private static List<Prize> prizes(List<ContestChange.PrizeBody> given) {
        List<Prize> out = new ArrayList<>();
        Set<Integer> ranks = new HashSet<>();
        for (ContestChange.PrizeBody b : given) {
            if (b.rank() < 1 || b.rank() > MAX_RANKS || !ranks.add(b.rank())) {
                throw KindredException.invalidField("Each prize has its own rank from 1 to " + MAX_RANKS + ".");
            }
            long points = b.points().orElse(0L);
            if (points < 0 || points > 100_000_000) {
                throw KindredException.invalidField("The points of a prize must be from 0 to 100000000.");
            }
            String t = b.title().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            if (t != null && t.length() > 40) {
                throw KindredException.invalidField("The title of a prize is at most 40 characters.");
            }
            String badge = b.badge().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            if (points == 0 && t == null && badge == null) {
                throw KindredException.invalidField("A prize has points, a title or a badge (rank " + b.rank() + ").");
            }
            out.add(new Prize(b.rank(), points, t, badge));
        }
        out.sort(Comparator.comparingInt(Prize::rank));
        return List.copyOf(out);
    }

    private static void window(LocalDate from, LocalDate to, String fromName, String toName) {
        if (to.isBefore(from)) {
            throw KindredException.invalidField("The field '" + toName + "' must not be before '" + fromName + "'.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw KindredException.invalidField("From '" + fromName + "' to '" + toName + "' is at most " + MAX_DAYS
                    + " days.");
        }
    }

    private static LocalDate required(LocalDate day, String name) {
        if (day == null) {
            throw KindredException.missingField(name);
        }
        return day;
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
}
