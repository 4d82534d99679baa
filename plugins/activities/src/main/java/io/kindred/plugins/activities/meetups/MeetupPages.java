package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Member pages, phone first and working without JavaScript: {@code /activities/events} (upcoming, mine, past), an
 * event's page (join, cancel, ticket QR, .ics, photos, recap), {@code /activities/events/new} (propose).
 */
final class MeetupPages {

    private final PluginContext ctx;
    private final Meetups meetups;
    private final Seats seats;
    private final MeetupStore events;
    private final TicketStore tickets;
    private final Photos photos;
    private final Eligibility eligibility;
    private final MeetupViews views;

    MeetupPages(PluginContext ctx, Meetups meetups, Seats seats, MeetupStore events, TicketStore tickets, Photos photos,
                Eligibility eligibility, MeetupViews views) {
        this.ctx = ctx;
        this.meetups = meetups;
        this.seats = seats;
        this.events = events;
        this.tickets = tickets;
        this.photos = photos;
        this.eligibility = eligibility;
        this.views = views;
    }

    /** {@code GET /activities/events}. */
    void index(Exchange x) {
        long now = ctx.clock().millis();
        Locale locale = x.locale();
        Map<String, Object> model = new HashMap<>();
        model.put("upcoming", ctx.db().read(h -> events.upcoming(h, now, 50)).stream().map(e -> views.page(e, locale)).toList());
        model.put("past", ctx.db().read(h -> events.past(h, now, 20)).stream().map(e -> views.page(e, locale)).toList());
        model.put("mine", x.member().map(m -> ctx.db().read(h -> events.ofMember(h, m.id(), 50)).stream()
                .map(e -> views.page(e, locale)).toList()).orElse(List.of()));
        model.put("signedIn", x.member().isPresent());
        model.put("proposals", ctx.settings().get(MeetupSettings.PROPOSALS));
        x.render("activities/meetups/index", model);
    }

    /** {@code GET /activities/events/{id}} (or {@code {id}.ics}, the calendar file). */
    void event(Exchange x) {
        String raw = x.pathParam("id");
        boolean ics = raw.endsWith(".ics");
        long id = id(ics ? raw.substring(0, raw.length() - 4) : raw);
        Optional<Member> me = x.member();
        Meetup e = meetups.visible(id, me.orElse(null));
        if (ics) {
            x.download("event-" + id + ".ics", "text/calendar; charset=utf-8",
                    Calendars.ics(e, x.siteUrl()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("event", views.page(e, x.locale()));
        model.put("signedIn", me.isPresent());
        model.put("signinUrl", "/signin?next=" + URLEncoder.encode("/activities/events/" + id, StandardCharsets.UTF_8));
        me.ifPresent(m -> ctx.db().read(h -> tickets.find(h, id, m.id())).ifPresent(t -> {
            model.put("ticket", views.ticket(t, ctx.db().read(h -> seats.waitingPlace(h, t))));
            if (t.status().equals(Ticket.JOINED)) {
                String door = x.siteUrl() + "/activities/door/" + t.token();
                model.put("qr", ctx.sharing().qrSvg(door, t.code(), "qr ticket-qr"));
                model.put("admittedText", t.admittedAt() == null ? null : views.when(t.admittedAt(), x.locale()));
            }
        }));
        model.put("eligible", me.map(m -> eligibility.mayJoin(e, m.id())).orElse(true));
        model.put("balance", me.map(m -> ctx.ledger().balance(m.id(), Refunds.ASSET)).orElse(0L));
        model.put("photos", photos.of(id));
        model.put("mayShare", photos.mayShare(e, me.orElse(null)));
        model.put("communityOn", photos.communityOn());
        model.put("error", x.query("error").filter(c -> c.matches("[a-z_]{1,40}")).orElse(null));
        model.put("done", x.query("done").filter(c -> c.matches("[a-z_]{1,40}")).orElse(null));
        x.render("activities/meetups/event", model);
    }

    void proposeForm(Exchange x) {
        Map<String, Object> model = new HashMap<>();
        model.put("membershipOn", eligibility.membershipOn());
        model.put("error", x.query("error").filter(c -> c.matches("[a-z_]{1,40}")).orElse(null));
        model.put("proposals", ctx.settings().get(MeetupSettings.PROPOSALS));
        x.render("activities/meetups/propose", model);
    }

    void propose(Exchange x) {
        Member m = x.requireMember();
        try {
            String cover = x.file("cover").map(f -> ctx.images().store(f, "activities")).orElse(null);
            Meetup e = meetups.propose(m, MeetupForms.draft(x), cover);
            x.redirect("/activities/events/" + e.id() + "?done=proposed");
        } catch (KindredException e) {
            if (e.status() == 401) {
                throw e;
            }
            x.redirect("/activities/events/new?error=" + e.code());
        }
    }

    void join(Exchange x) {
        act(x, () -> seats.join(x.requireMember(), x.pathParamAsId("id")).status());
    }

    void cancel(Exchange x) {
        act(x, () -> seats.cancel(x.requireMember(), x.pathParamAsId("id")) ? "cancelled_refunded" : "cancelled");
    }

    void addPhotos(Exchange x) {
        act(x, () -> {
            photos.add(x.requireMember(), x.pathParamAsId("id"), x.files("photos"));
            return "photos";
        });
    }

    void recap(Exchange x) {
        act(x, () -> {
            photos.recap(x.requireMember(), x.pathParamAsId("id"), x.formValue("title").orElse(null),
                    x.formValue("body").orElse(""));
            return "recap";
        });
    }

    /** The home widget {@code activities-meetups}: the next three events. */
    Map<String, Object> widget(Member viewer, Locale locale) {
        long now = ctx.clock().millis();
        return Map.of("events", ctx.db().read(h -> events.upcoming(h, now, 3)).stream().map(e -> views.page(e, locale)).toList());
    }

    /** Runs a form action and goes back to the event page, with what happened or the error's code. */
    private void act(Exchange x, java.util.function.Supplier<String> action) {
        long id = x.pathParamAsId("id");
        try {
            x.redirect("/activities/events/" + id + "?done=" + action.get());
        } catch (KindredException e) {
            if (e.status() == 401 || e.status() == 404 && !e.code().equals(MeetupsError.NO_TICKET.code())) {
                throw e;
            }
            x.redirect("/activities/events/" + id + "?error=" + e.code());
        }
    }

    private static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to 404
        }
        throw KindredException.notFound("There is no such event.");
    }
}
