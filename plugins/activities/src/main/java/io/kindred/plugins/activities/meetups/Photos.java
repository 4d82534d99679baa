package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.community.CommunityPosts;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import io.kindred.api.web.UploadedFile;

import java.util.List;

/**
 * After an event: its joined members and operators add photos, shown on the event page; one of them publishes a
 * recap post on the community board when community is enabled ({@link CommunityPosts}), once per event.
 */
final class Photos {

    private final PluginContext ctx;
    private final MeetupStore events;
    private final TicketStore tickets;

    Photos(PluginContext ctx, MeetupStore events, TicketStore tickets) {
        this.ctx = ctx;
        this.events = events;
        this.tickets = tickets;
    }

    List<TicketStore.Photo> of(long eventId) {
        return ctx.db().read(h -> tickets.photos(h, eventId));
    }

    /** @return whether the member may add photos and a recap: the event has started and they joined it, or are staff */
    boolean mayShare(Meetup e, Member m) {
        if (m == null || !e.status().equals(Meetup.OPEN) || !e.startedAt(ctx.clock().millis())) {
            return false;
        }
        return m.hasRole(Role.OPERATOR) || ctx.db().read(h -> tickets.find(h, e.id(), m.id()))
                .filter(t -> t.status().equals(Ticket.JOINED)).isPresent();
    }

    List<Long> add(Member m, long eventId, List<UploadedFile> files) {
        Meetup e = events(eventId);
        check(e, m);
        if (files.isEmpty()) {
            throw KindredException.missingField("photos");
        }
        if (files.size() > 9) {
            throw KindredException.invalidField("At most 9 photos at a time.");
        }
        List<String> urls = files.stream().map(f -> ctx.images().store(f, "activities")).toList();
        return ctx.db().write(tx -> urls.stream().map(u -> tickets.addPhoto(tx, eventId, m.id(), u, ctx.clock().millis()))
                .toList());
    }

    boolean communityOn() {
        return ctx.services().find(CommunityPosts.class).isPresent();
    }

    /** Publishes the recap post once; a second request answers the first post's id. */
    long recap(Member m, long eventId, String title, String body) {
        Meetup e = events(eventId);
        check(e, m);
        if (e.recapPostId() != null) {
            return e.recapPostId();
        }
        CommunityPosts posts = ctx.services().find(CommunityPosts.class).orElseThrow(() -> new KindredException(
                MeetupsError.COMMUNITY_OFF, "The community board is not available."));
        String text = (body == null ? "" : body.strip()) + "\n\n" + ctx.settings().raw("site.url").orElse("")
                + "/activities/events/" + eventId;
        long postId = posts.publish(m.id(), ctx.settings().get(MeetupSettings.RECAP_CATEGORY),
                title == null || title.isBlank() ? e.title() : title.strip(), text.strip());
        ctx.db().write(tx -> {
            events.setRecap(tx, eventId, postId);
            return null;
        });
        return postId;
    }

    private Meetup events(long id) {
        return ctx.db().read(h -> events.find(h, id)).orElseThrow(() -> Meetups.notFound(id));
    }

    private void check(Meetup e, Member m) {
        if (!mayShare(e, m)) {
            throw new KindredException(MeetupsError.NOT_A_PARTICIPANT,
                    "Photos and recaps come from the event's participants, once it has started.");
        }
    }
}
