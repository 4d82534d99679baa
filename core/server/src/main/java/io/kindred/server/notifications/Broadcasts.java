package io.kindred.server.notifications;

import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.notifications.Channel;
import io.kindred.server.audit.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator announcements (type {@code core.announcement}) to every active member, to those with a label, or to those
 * of a saved segment (its filters as they were when sent, evaluated as delivery walks the members). Sending
 * only records the broadcast; the core job {@code deliver-broadcasts} reaches the members in batches of
 * {@value #BATCH}, one transaction each, at most {@code broadcasts.batches-per-run} batches per run (throttled), and
 * queues their emails in the email outbox. Each member gets a broadcast once (its key is {@code broadcast:<id>}).
 */
public final class Broadcasts {

    /** The type every broadcast is sent as. */
    public static final String TYPE = "core.announcement";
    static final int BATCH = 200;

    /** What an operator asks for. */
    public record Draft(String title, String body, String link, String label, Long segmentId, boolean inSite, boolean email) {

        /** A draft to every member or to a label, as before segments. */
        public Draft(String title, String body, String link, String label, boolean inSite, boolean email) {
            this(title, body, link, label, null, inSite, email);
        }

        /** @return the draft with blank fields as null; 400 for a missing title, a bad link or no channel */
        public Draft checked() {
            String t = title == null ? "" : title.strip();
            String b = body == null ? "" : body.strip();
            String l = link == null || link.isBlank() ? null : link.strip();
            String lab = label == null || label.isBlank() ? null : label.strip();
            if (t.isEmpty()) {
                throw KindredException.missingField("title");
            }
            if (t.length() > 200 || b.length() > 4000) {
                throw KindredException.invalidField("The title is at most 200 characters and the text at most 4000.");
            }
            if (l != null && (!l.startsWith("/") || l.startsWith("//"))) {
                throw KindredException.invalidField("The link is a path of this site, starting with '/'.");
            }
            if (!inSite && !email) {
                throw KindredException.invalidField("Choose in-site, email or both.");
            }
            if (lab != null && segmentId != null) {
                throw KindredException.invalidField("Choose a label or a segment, not both.");
            }
            return new Draft(t, b, l, lab, segmentId, inSite, email);
        }

        Set<Channel> channels() {
            Set<Channel> c = EnumSet.noneOf(Channel.class);
            if (inSite) {
                c.add(Channel.IN_SITE);
            }
            if (email) {
                c.add(Channel.EMAIL);
            }
            return c;
        }
    }

    private final Database db;
    private final BroadcastStore store;
    private final NotificationService notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final java.util.function.IntSupplier batchesPerRun;
    private final io.kindred.server.segments.Segments segments;

    public Broadcasts(Database db, BroadcastStore store, NotificationService notifications, AuditLog audit, Clock clock,
                      java.util.function.IntSupplier batchesPerRun, io.kindred.server.segments.Segments segments) {
        this.segments = segments;
        this.db = db;
        this.store = store;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.batchesPerRun = batchesPerRun;
    }

    /** @return how many active members the draft would reach */
    public long audienceSize(Draft draft) {
        Draft d = draft.checked();
        String filters = segmentFilters(d);
        return filters == null ? db.read(h -> store.audienceSize(h, d.label())) : db.read(h -> segments.audienceSize(h, filters));
    }

    /** @return the saved segment's filters as JSON (404 for a segment that is not there), or null without a segment */
    private String segmentFilters(Draft d) {
        if (d.segmentId() == null) {
            return null;
        }
        String filters = io.kindred.server.web.Json.write(segments.get(d.segmentId()).filters());
        db.read(h -> segments.audienceSize(h, filters)); // a filter of a stopped plugin is refused now, not at delivery
        return filters;
    }

    /** Records the broadcast for the delivery job and in the audit log; returns at once. @return its id */
    public long send(String actor, Draft draft) {
        Draft d = draft.checked();
        String filters = segmentFilters(d);
        long id = db.write(h -> store.insert(h, actor, d.title(), d.body(), d.link(), d.label(), d.segmentId(), filters,
                d.inSite(), d.email(), filters == null ? store.audienceSize(h, d.label()) : segments.audienceSize(h, filters),
                clock.millis()));
        audit.record(actor, "broadcast.sent", "broadcast:" + id, "Sent the announcement \"" + d.title() + "\" to "
                + (filters != null ? "the members of segment " + d.segmentId() + " " + filters
                : d.label() == null ? "every member" : "the members labelled " + d.label()) + ".");
        return id;
    }

    /** Job {@code deliver-broadcasts}. @return how many members it reached in this run */
    public long deliver(Instant now) {
        long reached = 0;
        int batches = batchesPerRun.getAsInt();
        for (BroadcastStore.Broadcast b : db.read(store::queued)) {
            if (b.segmentFilters() != null && !audienceAvailable(b)) {
                continue; // a filter of the segment belongs to a plugin that is off: it waits for the plugin
            }
            long last = b.lastUserId();
            boolean done = false;
            while (!done && batches-- > 0) {
                long after = last;
                int[] count = new int[1];
                List<Long> members = db.write(h -> {
                    List<Long> ids = b.segmentFilters() == null ? store.audience(h, b.label(), after, BATCH)
                            : segments.audience(h, b.segmentFilters(), after, BATCH);
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("title", b.title());
                    params.put("body", b.body());
                    Draft channels = new Draft(b.title(), b.body(), b.link(), b.label(), b.segmentId(), b.inSite(), b.email());
                    for (long member : ids) {
                        if (notifications.sendOn(h, member, TYPE, params, b.link(), "broadcast:" + b.id(),
                                channels.channels()).isPresent()) {
                            count[0]++;
                        }
                    }
                    store.progressed(h, b.id(), ids.isEmpty() ? after : ids.get(ids.size() - 1), ids.size(),
                            ids.size() < BATCH, now.toEpochMilli());
                    return ids;
                });
                reached += count[0];
                done = members.size() < BATCH;
                last = members.isEmpty() ? last : members.get(members.size() - 1);
            }
            if (batches <= 0) {
                break;
            }
        }
        return reached;
    }

    private boolean audienceAvailable(BroadcastStore.Broadcast b) {
        try {
            segments.checkAudience(b.segmentFilters());
            return true;
        } catch (KindredException e) {
            org.slf4j.LoggerFactory.getLogger(Broadcasts.class).warn("Broadcast {} waits: {}", b.id(), e.getMessage());
            return false;
        }
    }

    public List<BroadcastStore.Broadcast> newestFirst(long beforeId, int limit) {
        return store.newestFirst(beforeId, limit);
    }
}
