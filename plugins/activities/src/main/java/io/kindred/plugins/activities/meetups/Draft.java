package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.kindred.api.web.Fields.text;

/**
 * An event as an operator or a proposing member writes it (API body and page forms alike). Times are ISO-8601
 * instants ({@code 2026-03-14T06:00:00Z}) or local date-times in the site's time zone ({@code 2026-03-14T14:00}, as a
 * {@code datetime-local} input sends them).
 */
record Draft(String title, Optional<String> description, String city, String address, String startsAt, String endsAt,
             int capacity, Optional<String> audience, Optional<String> audienceValue, OptionalLong pricePoints,
             OptionalLong priceOffline, Optional<String> currency, OptionalInt minParticipants, Optional<String> deadlineAt,
             OptionalLong rewardPoints, Optional<String> rewardBadge) {

    /** @return the stored input, checked; {@code coverUrl} as given (null keeps the one there is) */
    MeetupStore.Input validated(ZoneId zone, String coverUrl, boolean membershipOn) {
        String t = text(title, "title", 200);
        String desc = description.map(String::strip).orElse("");
        if (desc.length() > 10_000) {
            throw KindredException.invalidField("The field 'description' must be at most 10000 characters.");
        }
        long starts = time(startsAt, "startsAt", zone);
        long ends = time(endsAt, "endsAt", zone);
        if (ends <= starts) {
            throw KindredException.invalidField("The field 'endsAt' must be after 'startsAt'.");
        }
        if (capacity < 1 || capacity > 100_000) {
            throw KindredException.invalidField("The field 'capacity' must be from 1 to 100000.");
        }
        String who = audience.filter(a -> !a.isBlank()).orElse("all");
        if (!Meetup.AUDIENCES.contains(who) || (!membershipOn && (who.equals("tier") || who.equals("plan")))) {
            throw KindredException.invalidField("The field 'audience' must be one of " + (membershipOn
                    ? Meetup.AUDIENCES : java.util.List.of("all", "label")) + ".");
        }
        String value = audienceValue(who);
        Integer min = minParticipants.isPresent() && minParticipants.getAsInt() > 0 ? minParticipants.getAsInt() : null;
        Long deadline = deadlineAt.filter(d -> !d.isBlank()).map(d -> time(d, "deadlineAt", zone)).orElse(null);
        if ((min == null) != (deadline == null)) {
            throw KindredException.invalidField("A crowdfunded event needs both 'minParticipants' and 'deadlineAt'.");
        }
        if (min != null && (min > capacity || deadline > starts)) {
            throw KindredException.invalidField("'minParticipants' must not pass 'capacity', nor 'deadlineAt' the start.");
        }
        String cur = currency.filter(c -> !c.isBlank()).map(String::strip).orElse("CNY");
        if (!cur.matches("[A-Z]{3}")) {
            throw KindredException.invalidField("The field 'currency' must be a three-letter code such as CNY.");
        }
        return new MeetupStore.Input(t, desc, coverUrl, text(city, "city", 100), text(address, "address", 500), starts, ends,
                capacity, who, value, amount(pricePoints, "pricePoints"), amount(priceOffline, "priceOffline"), cur, min,
                deadline, amount(rewardPoints, "rewardPoints"), rewardBadge.filter(b -> !b.isBlank()).map(String::strip)
                .orElse(null));
    }

    private String audienceValue(String who) {
        String v = audienceValue.map(String::strip).orElse("");
        return switch (who) {
            case "tier" -> {
                if (!v.matches("[1-9][0-9]?")) {
                    throw KindredException.invalidField("For a tier event, 'audienceValue' is the lowest tier rank, 1 to 99.");
                }
                yield v;
            }
            case "label" -> {
                if (v.isEmpty() || v.length() > 100) {
                    throw KindredException.invalidField("For a label event, 'audienceValue' is the label, 1 to 100 characters.");
                }
                yield v;
            }
            default -> null;
        };
    }

    static long time(String value, String field, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw KindredException.missingField(field);
        }
        String v = value.strip();
        try {
            return v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? java.time.OffsetDateTime.parse(v).toInstant().toEpochMilli()
                    : LocalDateTime.parse(v).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The field '" + field + "' must be a time such as 2026-03-14T14:00.");
        }
    }

    private static long amount(OptionalLong v, String field) {
        long n = v.orElse(0);
        if (n < 0 || n > 100_000_000) {
            throw KindredException.invalidField("The field '" + field + "' must be from 0 to 100000000.");
        }
        return n;
    }

}
