package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Events and tickets as the API answers them (ISO-8601 UTC times) and as pages show them (local, readable times). */
final class MeetupViews {

    private final PluginContext ctx;

    MeetupViews(PluginContext ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> json(Meetup e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("title", e.title());
        m.put("description", e.description());
        m.put("coverUrl", e.coverUrl());
        m.put("city", e.city());
        m.put("address", e.address());
        m.put("startsAt", iso(e.startsAt()));
        m.put("endsAt", iso(e.endsAt()));
        m.put("capacity", e.capacity());
        m.put("joined", e.joined());
        m.put("waiting", e.waiting());
        m.put("seatsLeft", e.seatsLeft());
        m.put("audience", e.audience());
        m.put("audienceValue", e.audienceValue());
        m.put("pricePoints", e.pricePoints());
        m.put("priceOffline", e.priceOffline());
        m.put("currency", e.currency());
        m.put("minParticipants", e.minParticipants());
        m.put("deadlineAt", e.deadlineAt() == null ? null : iso(e.deadlineAt()));
        m.put("funding", e.funding());
        m.put("rewardPoints", e.rewardPoints());
        m.put("rewardBadge", e.rewardBadge());
        m.put("status", e.status());
        m.put("cancelReason", e.cancelReason());
        m.put("proposedBy", e.proposedBy());
        m.put("recapPostId", e.recapPostId());
        return m;
    }

    /** @return the event for a page: its JSON plus local times and the price in major units */
    Map<String, Object> page(Meetup e, Locale locale) {
        Map<String, Object> m = json(e);
        m.put("startsText", when(e.startsAt(), locale));
        m.put("endsText", when(e.endsAt(), locale));
        m.put("deadlineText", e.deadlineAt() == null ? null : when(e.deadlineAt(), locale));
        m.put("offlineText", e.priceOffline() == 0 ? null : String.format(Locale.ROOT, "%s %d.%02d", e.currency(),
                e.priceOffline() / 100, e.priceOffline() % 100));
        m.put("startsLocal", local(e.startsAt()));
        m.put("endsLocal", local(e.endsAt()));
        m.put("deadlineLocal", e.deadlineAt() == null ? "" : local(e.deadlineAt()));
        m.put("started", e.startedAt(ctx.clock().millis()));
        m.put("ended", ctx.clock().millis() >= e.endsAt());
        return m;
    }

    /** @return a ticket as its owner sees it (the door token included) */
    Map<String, Object> ticket(Ticket t, int place) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("eventId", t.eventId());
        m.put("userId", t.userId());
        m.put("status", t.status());
        m.put("waitingPlace", place);
        m.put("code", t.code());
        m.put("paidPoints", t.paidPoints());
        m.put("refunded", t.refunded());
        m.put("offlinePaid", t.offlinePaid());
        m.put("admittedAt", t.admittedAt() == null ? null : iso(t.admittedAt()));
        return m;
    }

    /** @return the time in the site's zone, as the language writes it (e.g. "14 Mar 2026, 14:00", "2026年3月14日 14:00") */
    String when(long millis, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale == null ? Locale.ENGLISH : locale).withZone(ctx.siteZone())
                .format(Instant.ofEpochMilli(millis));
    }

    String when(long millis, String languageTag) {
        return when(millis, languageTag == null ? Locale.ENGLISH : Locale.forLanguageTag(languageTag));
    }

    /** @return the value of a {@code datetime-local} input: the site's local time to the minute */
    String local(long millis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ctx.siteZone()).format(Instant.ofEpochMilli(millis));
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

}
