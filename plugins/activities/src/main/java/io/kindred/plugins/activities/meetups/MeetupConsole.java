package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Console pages under {@code /console/activities/events}: the list with a new-event form, the proposals queue, the
 * editor (with cancel), participants (offline payment marks, CSV export) and the door screen (search, admit buttons,
 * a box for a ticket code, the count admitted).
 */
final class MeetupConsole {

    private final PluginContext ctx;
    private final Meetups meetups;
    private final MeetupStore events;
    private final Participants participants;
    private final Door door;
    private final Eligibility eligibility;
    private final MeetupViews views;

    MeetupConsole(PluginContext ctx, Meetups meetups, MeetupStore events, Participants participants, Door door,
                  Eligibility eligibility, MeetupViews views) {
        this.ctx = ctx;
        this.meetups = meetups;
        this.events = events;
        this.participants = participants;
        this.door = door;
        this.eligibility = eligibility;
        this.views = views;
    }

    void list(Exchange x) {
        Locale locale = x.locale();
        Map<String, Object> model = base(x);
        model.put("events", ctx.db().read(h -> events.list(h, null, Long.MAX_VALUE, 200)).stream()
                .filter(e -> !e.status().equals(Meetup.PROPOSED)).map(e -> views.page(e, locale)).toList());
        x.render("activities/meetups/console-list", model);
    }

    void proposals(Exchange x) {
        Locale locale = x.locale();
        Map<String, Object> model = base(x);
        model.put("events", ctx.db().read(h -> events.list(h, Meetup.PROPOSED, Long.MAX_VALUE, 200)).stream().map(e -> {
            Map<String, Object> m = views.page(e, locale);
            m.put("proposerName", ctx.members().find(e.proposedBy() == null ? 0 : e.proposedBy())
                    .map(p -> p.displayName()).orElse(""));
            return m;
        }).toList());
        x.render("activities/meetups/console-proposals", model);
    }

    void create(Exchange x) {
        try {
            String cover = x.file("cover").map(f -> ctx.images().store(f, "activities")).orElse(null);
            Meetup e = meetups.create(x.actor(), MeetupForms.draft(x), cover);
            x.redirect("/console/activities/events/" + e.id() + "?done=saved");
        } catch (KindredException e) {
            x.redirect("/console/activities/events?error=" + e.code());
        }
    }

    void editor(Exchange x) {
        Meetup e = meetups.find(x.pathParamAsId("id"));
        Map<String, Object> model = base(x);
        model.put("event", views.page(e, x.locale()));
        x.render("activities/meetups/console-event", model);
    }

    void update(Exchange x) {
        long id = x.pathParamAsId("id");
        back(x, "/console/activities/events/" + id, () -> {
            String cover = x.file("cover").map(f -> ctx.images().store(f, "activities")).orElse(null);
            meetups.update(x.actor(), id, MeetupForms.draft(x), cover);
            return "saved";
        });
    }

    void decide(Exchange x) {
        long id = x.pathParamAsId("id");
        boolean approve = x.formValue("decision").filter("approve"::equals).isPresent();
        back(x, "/console/activities/events/proposals", () -> {
            meetups.decide(x.actor(), id, approve, x.formValue("note").orElse(null));
            return approve ? "approved" : "rejected";
        });
    }

    void cancel(Exchange x) {
        long id = x.pathParamAsId("id");
        back(x, "/console/activities/events/" + id, () -> {
            meetups.cancel(x.actor(), id, x.formValue("reason").orElse(null));
            return "cancelled";
        });
    }

    void participants(Exchange x) {
        Meetup e = meetups.find(x.pathParamAsId("id"));
        Map<String, Object> model = base(x);
        model.put("event", views.page(e, x.locale()));
        model.put("rows", participants.of(e.id(), null));
        x.render("activities/meetups/console-participants", model);
    }

    void csv(Exchange x) {
        Meetup e = meetups.find(x.pathParamAsId("id"));
        x.csv("event-" + e.id() + "-participants.csv", Participants.CSV_HEADER, participants.csv(e.id()));
    }

    void offlinePaid(Exchange x) {
        long id = x.pathParamAsId("id");
        long userId = x.pathParamAsId("userId");
        boolean paid = x.formValue("paid").filter("true"::equals).isPresent();
        back(x, "/console/activities/events/" + id + "/participants", () -> {
            participants.markOfflinePaid(x.actor(), id, userId, paid);
            return "saved";
        });
    }

    /** The door screen: participants with search and admit buttons, a box for a ticket code, the live count. */
    void door(Exchange x) {
        Meetup e = meetups.find(x.pathParamAsId("id"));
        String q = x.query("q").orElse("");
        List<Map<String, Object>> rows = participants.of(e.id(), q).stream()
                .filter(r -> Ticket.JOINED.equals(r.get("status"))).toList();
        Map<String, Object> model = base(x);
        model.put("event", views.page(e, x.locale()));
        model.put("rows", rows);
        model.put("q", q);
        model.put("admitted", participants.of(e.id(), null).stream().filter(r -> r.get("admittedAt") != null).count());
        model.put("joined", e.joined());
        x.render("activities/meetups/console-door", model);
    }

    /** {@code GET /{id}/door/count}: the count alone, which the door screen reloads every few seconds (htmx). */
    void doorCount(Exchange x) {
        Meetup e = meetups.find(x.pathParamAsId("id"));
        Map<String, Object> model = new HashMap<>();
        model.put("admitted", participants.of(e.id(), null).stream().filter(r -> r.get("admittedAt") != null).count());
        model.put("joined", e.joined());
        x.render("activities/meetups/door-count", model);
    }

    /** {@code POST /{id}/door}: admits by the typed {@code code}. */
    void admit(Exchange x) {
        long id = x.pathParamAsId("id");
        back(x, "/console/activities/events/" + id + "/door", () ->
                door.admitCode(x.actor(), id, x.formValue("code").orElse("")).admittedNow() ? "admitted" : "already");
    }

    private Map<String, Object> base(Exchange x) {
        Map<String, Object> model = new HashMap<>();
        model.put("membershipOn", eligibility.membershipOn());
        model.put("error", x.query("error").filter(c -> c.matches("[a-z_]{1,40}")).orElse(null));
        model.put("done", x.query("done").filter(c -> c.matches("[a-z_]{1,40}")).orElse(null));
        return model;
    }

    private static void back(Exchange x, String to, java.util.function.Supplier<String> action) {
        try {
            x.redirect(to + "?done=" + action.get());
        } catch (KindredException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            x.redirect(to + "?error=" + e.code());
        }
    }
}
