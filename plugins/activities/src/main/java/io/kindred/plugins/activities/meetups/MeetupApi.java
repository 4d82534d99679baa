package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The member API under {@code /api/v1/activities}: events, joining and leaving, tickets, calendar, photos, recap. */
final class MeetupApi {

    record RecapBody(Optional<String> title, String body) {
    }

    private final PluginContext ctx;
    private final Meetups meetups;
    private final Seats seats;
    private final MeetupStore events;
    private final TicketStore tickets;
    private final Photos photos;
    private final MeetupViews views;

    MeetupApi(PluginContext ctx, Meetups meetups, Seats seats, MeetupStore events, TicketStore tickets, Photos photos,
              MeetupViews views) {
        this.ctx = ctx;
        this.meetups = meetups;
        this.seats = seats;
        this.events = events;
        this.tickets = tickets;
        this.photos = photos;
        this.views = views;
    }

    /** {@code GET /events?scope=upcoming|past}: open events, soonest first (past: latest first). */
    void list(Exchange x) {
        PageRequest page = x.page(50, 200);
        boolean past = x.query("scope").filter("past"::equals).isPresent();
        long now = ctx.clock().millis();
        List<Meetup> rows = ctx.db().read(h -> past ? events.past(h, now, page.limit()) : events.upcoming(h, now, page.limit()));
        x.json(Page.all(rows.stream().map(views::json).toList()));
    }

    /** {@code GET /events/{id}}: the event and, for a signed-in member, their ticket (or null). */
    void event(Exchange x) {
        Meetup e = meetups.visible(x.pathParamAsId("id"), x.member().orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", views.json(e));
        body.put("ticket", x.member().flatMap(m -> ticketOf(e.id(), m.id())).orElse(null));
        x.json(body);
    }

    /** {@code POST /events}: a member proposes an event. */
    void propose(Exchange x) {
        x.json(201, Map.of("event", views.json(meetups.propose(x.requireMember(), x.body(Draft.class), null))));
    }

    /** {@code POST /events/{id}/join}: 201 with the ticket, joined (paid) or waiting. */
    void join(Exchange x) {
        Member m = x.requireMember();
        Ticket t = seats.join(m, x.pathParamAsId("id"));
        x.json(201, Map.of("ticket", ticketOf(t.eventId(), m.id()).orElseThrow()));
    }

    /** {@code POST /events/{id}/cancel}: leaves the event; says whether points came back. */
    void cancel(Exchange x) {
        Member m = x.requireMember();
        long id = x.pathParamAsId("id");
        boolean refunded = seats.cancel(m, id);
        x.json(Map.of("ticket", ticketOf(id, m.id()).orElseThrow(), "refunded", refunded));
    }

    /** {@code GET /events/{id}/ticket}: the member's ticket with its door link (what the QR code encodes). */
    void ticket(Exchange x) {
        Member m = x.requireMember();
        long id = x.pathParamAsId("id");
        Ticket t = ctx.db().read(h -> tickets.find(h, id, m.id())).orElseThrow(() -> new io.kindred.api.KindredException(
                MeetupsError.NO_TICKET, "You have no ticket for this event."));
        Map<String, Object> json = ticketOf(id, m.id()).orElseThrow();
        json.put("doorUrl", x.siteUrl() + "/activities/door/" + t.token());
        x.json(Map.of("ticket", json));
    }

    /** {@code GET /tickets}: the member's events with their tickets, latest first. */
    void mine(Exchange x) {
        Member m = x.requireMember();
        List<Map<String, Object>> items = ctx.db().read(h -> events.ofMember(h, m.id(), 200)).stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("event", views.json(e));
            row.put("ticket", ticketOf(e.id(), m.id()).orElse(null));
            return row;
        }).toList();
        x.json(Page.all(items));
    }

    /** {@code GET /events/{id}/calendar}: the iCalendar file. */
    void calendar(Exchange x) {
        Meetup e = meetups.visible(x.pathParamAsId("id"), x.member().orElse(null));
        x.download("event-" + e.id() + ".ics", "text/calendar; charset=utf-8",
                Calendars.ics(e, x.siteUrl()).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET /events/{id}/photos}. */
    void photos(Exchange x) {
        Meetup e = meetups.visible(x.pathParamAsId("id"), x.member().orElse(null));
        x.json(Page.all(photos.of(e.id())));
    }

    /** {@code POST /events/{id}/photos}: multipart field {@code photos} (several files). */
    void addPhotos(Exchange x) {
        List<Long> ids = photos.add(x.requireMember(), x.pathParamAsId("id"), x.files("photos"));
        x.json(201, Map.of("photoIds", ids));
    }

    /** {@code POST /events/{id}/recap}: publishes the recap on the community board, once. */
    void recap(Exchange x) {
        RecapBody b = x.body(RecapBody.class);
        long postId = photos.recap(x.requireMember(), x.pathParamAsId("id"), b.title().orElse(null), b.body());
        x.json(Map.of("postId", postId));
    }

    private Optional<Map<String, Object>> ticketOf(long eventId, long userId) {
        return ctx.db().read(h -> tickets.find(h, eventId, userId).map(t -> views.ticket(t, seats.waitingPlace(h, t))));
    }
}
