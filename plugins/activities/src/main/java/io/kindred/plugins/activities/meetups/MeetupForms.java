package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads the event form of the member's proposal page and the console editor into a {@link Draft}. */
final class MeetupForms {

    private MeetupForms() {
    }

    static Draft draft(Exchange x) {
        return new Draft(value(x, "title").orElse(null), value(x, "description"), value(x, "city").orElse(null),
                value(x, "address").orElse(null), value(x, "startsAt").orElse(null), value(x, "endsAt").orElse(null),
                (int) number(x, "capacity").orElse(0), value(x, "audience"), value(x, "audienceValue"),
                number(x, "pricePoints"), money(x, "priceOffline"), value(x, "currency"),
                number(x, "minParticipants").isPresent() ? OptionalInt.of((int) number(x, "minParticipants").getAsLong())
                        : OptionalInt.empty(), value(x, "deadlineAt"), number(x, "rewardPoints"), value(x, "rewardBadge"));
    }

    private static Optional<String> value(Exchange x, String name) {
        return x.formValue(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static OptionalLong number(Exchange x, String name) {
        Optional<String> v = value(x, name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.get()));
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("The field '" + name + "' must be a whole number.");
        }
    }

    /** An amount typed in major units ("35" or "35.50") as minor units. */
    private static OptionalLong money(Exchange x, String name) {
        Optional<String> v = value(x, name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!v.get().matches("\\d{1,9}(\\.\\d{1,2})?")) {
            throw KindredException.invalidField("The field '" + name + "' must be an amount such as 35 or 35.50.");
        }
        return OptionalLong.of(new java.math.BigDecimal(v.get()).movePointRight(2).longValueExact());
    }
}
