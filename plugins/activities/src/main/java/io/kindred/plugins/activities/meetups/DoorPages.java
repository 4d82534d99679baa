package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code /activities/door/<token>}: where a staff member's phone camera lands when it scans a ticket's QR code. It
 * shows the member (name, initial), the event and the ticket's state, and an "Admit" button; a second scan says when
 * the ticket was admitted. Operators only: anyone else gets the sign-in page or 403, as every operator page.
 */
final class DoorPages {

    private final PluginContext ctx;
    private final Door door;
    private final MeetupStore events;
    private final MeetupViews views;

    DoorPages(PluginContext ctx, Door door, MeetupStore events, MeetupViews views) {
        this.ctx = ctx;
        this.door = door;
        this.events = events;
        this.views = views;
    }

    void ticket(Exchange x) {
        String token = x.pathParam("token");
        Ticket t = door.byToken(token).orElseThrow(() -> KindredException.notFound("There is no such ticket."));
        show(x, t, x.query("done").isPresent(), x.query("error").filter(c -> c.matches("[a-z_]{1,40}")).orElse(null));
    }

    void admit(Exchange x) {
        String token = x.pathParam("token");
        try {
            Door.Admission a = door.admitToken(x.actor(), token);
            x.redirect("/activities/door/" + token + (a.admittedNow() ? "?done=1" : ""));
        } catch (KindredException e) {
            if (e.status() == 404 || e.status() == 401) {
                throw e;
            }
            x.redirect("/activities/door/" + token + "?error=" + e.code());
        }
    }

    private void show(Exchange x, Ticket t, boolean justAdmitted, String error) {
        Meetup e = ctx.db().read(h -> events.find(h, t.eventId())).orElseThrow();
        Member m = ctx.members().find(t.userId()).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("event", views.page(e, x.locale()));
        model.put("ticket", views.ticket(t, 0));
        model.put("token", x.pathParam("token"));
        model.put("memberName", m == null ? "#" + t.userId() : m.displayName());
        // kindred-api offers no avatar of a member yet: the door shows the name's first letter in its place.
        String name = m == null ? "?" : m.displayName().strip();
        model.put("initial", name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase());
        model.put("admittedText", t.admittedAt() == null ? null : views.when(t.admittedAt(), x.locale()));
        model.put("justAdmitted", justAdmitted);
        model.put("error", error);
        x.render("activities/meetups/door", model);
    }
}
