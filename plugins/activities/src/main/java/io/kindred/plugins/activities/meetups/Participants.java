package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's view of an event's people: joined and waiting members with names (from the core's members, never its
 * tables), the amount paid offline per participant, the cover picture, the CSV export.
 */
final class Participants {

    static final List<String> CSV_HEADER = List.of("ticket", "member_id", "name", "email", "status", "queue", "code",
            "paid_points", "offline_paid", "admitted_at");

    private final PluginContext ctx;
    private final MeetupStore events;
    private final TicketStore tickets;
    private final MeetupViews views;

    Participants(PluginContext ctx, MeetupStore events, TicketStore tickets, MeetupViews views) {
        this.ctx = ctx;
        this.events = events;
        this.tickets = tickets;
        this.views = views;
    }

    /** @return joined then waiting members, each in order of arrival, matching the search in name, email or code */
    List<Map<String, Object>> of(long eventId, String search) {
        String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Ticket t : ctx.db().read(h -> tickets.participants(h, eventId))) {
            Member m = ctx.members().find(t.userId()).orElse(null);
            String name = m == null ? "#" + t.userId() : m.displayName();
            String email = m == null || m.email() == null ? "" : m.email();
            if (!q.isEmpty() && !(name.toLowerCase(Locale.ROOT).contains(q) || email.toLowerCase(Locale.ROOT).contains(q)
                    || t.code().toLowerCase(Locale.ROOT).contains(q))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(views.ticket(t, 0));
            row.put("queue", t.queue());
            row.put("displayName", name);
            row.put("email", email);
            row.put("admittedText", t.admittedAt() == null ? null : views.when(t.admittedAt(), Locale.ENGLISH));
            out.add(row);
        }
        return out;
    }

    /** @return the rows of the CSV export */
    List<List<Object>> csv(long eventId) {
        return of(eventId, null).stream().map(r -> List.<Object>of(r.get("id"), r.get("userId"), r.get("displayName"),
                r.get("email"), r.get("status"), r.get("queue"), r.get("code"), r.get("paidPoints"), r.get("offlinePaid"),
                r.get("admittedAt") == null ? "" : r.get("admittedAt"))).toList();
    }

    Ticket markOfflinePaid(Member operator, long eventId, long userId, boolean paid) {
        return ctx.db().write(tx -> {
            Ticket t = tickets.find(tx, eventId, userId).filter(Ticket::active)
                    .orElseThrow(() -> new KindredException(MeetupsError.NO_TICKET, "That member has no ticket for this event."));
            tickets.setOfflinePaid(tx, t.id(), paid, ctx.clock().millis());
            ctx.audit().record(tx, operator, paid ? "activities.meetup_offline_paid" : "activities.meetup_offline_unpaid",
                    Meetups.target(eventId), "member " + userId);
            return tickets.find(tx, eventId, userId).orElseThrow();
        });
    }

    Meetup setCover(Member operator, long eventId, String url) {
        return ctx.db().write(tx -> {
            Meetup e = events.find(tx, eventId).orElseThrow(() -> Meetups.notFound(eventId));
            events.setCover(tx, eventId, url);
            ctx.audit().record(tx, operator, "activities.meetup_cover", Meetups.target(eventId), e.title());
            return events.find(tx, eventId).orElseThrow();
        });
    }
}
