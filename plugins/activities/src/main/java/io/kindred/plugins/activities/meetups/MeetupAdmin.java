package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator API under {@code /api/v1/admin/activities/events}: editing, proposals, cancelling, participants, door. */
final class MeetupAdmin {

    record NoteBody(Optional<String> note) {
    }

    record CancelBody(Optional<String> reason) {
    }

    record AdmitBody(Optional<String> token, Optional<String> code) {
    }

    record PaidBody(boolean paid) {
    }

    private final PluginContext ctx;
    private final Meetups meetups;
    private final MeetupStore events;
    private final Participants participants;
    private final Door door;
    private final MeetupViews views;

    MeetupAdmin(PluginContext ctx, Meetups meetups, MeetupStore events, Participants participants, Door door,
                MeetupViews views) {
        this.ctx = ctx;
        this.meetups = meetups;
        this.events = events;
        this.participants = participants;
        this.door = door;
        this.views = views;
    }

    /** {@code GET ?status=}: newest first, paged. */
    void list(Exchange x) {
        PageRequest page = x.page(50, 200);
        String status = x.query("status").orElse(null);
        List<Meetup> rows = ctx.db().read(h -> events.list(h, status, page.before(), page.limit()));
        x.json(Page.of(rows, page, Meetup::id).map(views::json));
    }

    void create(Exchange x) {
        x.json(201, Map.of("event", views.json(meetups.create(x.actor(), x.body(Draft.class), null))));
    }

    void event(Exchange x) {
        x.json(Map.of("event", views.json(meetups.find(x.pathParamAsId("id")))));
    }

    void update(Exchange x) {
        x.json(Map.of("event", views.json(meetups.update(x.actor(), x.pathParamAsId("id"), x.body(Draft.class), null))));
    }

    /** {@code POST /{id}/cover}: multipart field {@code cover}, a picture. */
    void cover(Exchange x) {
        long id = x.pathParamAsId("id");
        String url = x.file("cover").map(f -> ctx.images().store(f, "activities"))
                .orElseThrow(() -> io.kindred.api.KindredException.missingField("cover"));
        x.json(Map.of("event", views.json(participants.setCover(x.actor(), id, url))));
    }

    void approve(Exchange x) {
        decide(x, true);
    }

    void reject(Exchange x) {
        decide(x, false);
    }

    void cancel(Exchange x) {
        String reason = x.body(CancelBody.class).reason().orElse(null);
        x.json(Map.of("event", views.json(meetups.cancel(x.actor(), x.pathParamAsId("id"), reason))));
    }

    /** {@code GET /{id}/participants?q=}: joined then waiting, each in order of arrival, with names. */
    void participants(Exchange x) {
        long id = x.pathParamAsId("id");
        meetups.find(id);
        x.json(Page.all(participants.of(id, x.query("q").orElse(null))));
    }

    /** {@code POST /{id}/admit}: by {@code token} (the QR code's) or {@code code} (typed). */
    void admit(Exchange x) {
        long id = x.pathParamAsId("id");
        AdmitBody b = x.body(AdmitBody.class);
        Door.Admission a = b.token().isPresent() ? door.admitToken(x.actor(), b.token().get())
                : door.admitCode(x.actor(), id, b.code().orElseThrow(() -> io.kindred.api.KindredException.missingField("code")));
        if (a.event().id() != id) {
            throw new io.kindred.api.KindredException(MeetupsError.NO_TICKET, "That ticket is for another event.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", views.ticket(a.ticket(), 0));
        body.put("admittedNow", a.admittedNow());
        x.json(body);
    }

    /** {@code POST /{id}/participants/{userId}/offline-paid}: marks the amount paid offline (or not). */
    void offlinePaid(Exchange x) {
        long id = x.pathParamAsId("id");
        long userId = x.pathParamAsId("userId");
        Ticket t = participants.markOfflinePaid(x.actor(), id, userId, x.body(PaidBody.class).paid());
        x.json(Map.of("ticket", views.ticket(t, 0)));
    }

    private void decide(Exchange x, boolean approve) {
        String note = x.body(NoteBody.class).note().orElse(null);
        x.json(Map.of("event", views.json(meetups.decide(x.actor(), x.pathParamAsId("id"), approve, note))));
    }
}
