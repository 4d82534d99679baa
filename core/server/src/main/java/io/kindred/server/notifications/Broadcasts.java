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
 * Operator announcements (type {@code core.announcement}) to every active member or to those with a label. Sending
 * only records the broadcast; the core job {@code deliver-broadcasts} reaches the members in batches of
 * {@value #BATCH}, one transaction each, at most {@code broadcasts.batches-per-run} batches per run (throttled), and
 * queues their emails in the email outbox. Each member gets a broadcast once (its key is {@code broadcast:<id>}).
 */
public final class Broadcasts {

    /** The type every broadcast is sent as. */
    public static final String TYPE = "core.announcement";
    static final int BATCH = 200;

    /** What an operator asks for. */
    public record Draft(String title, String body, String link, String label, boolean inSite, boolean email) {

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
            return new Draft(t, b, l, lab, inSite, email);
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

    public Broadcasts(Database db, BroadcastStore store, NotificationService notifications, AuditLog audit, Clock clock,
                      java.util.function.IntSupplier batchesPerRun) {
        this.db = db;
        this.store = store;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.batchesPerRun = batchesPerRun;
    }

    /** @return how many active members the draft would reach */
    public long audienceSize(Draft draft) {
        return db.read(h -> store.audienceSize(h, draft.checked().label()));
    }

    /** Records the broadcast for the delivery job and in the audit log; returns at once. @return its id */
    public long send(String actor, Draft draft) {
        Draft d = draft.checked();
        long id = db.write(h -> store.insert(h, actor, d.title(), d.body(), d.link(), d.label(), d.inSite(), d.email(),
                store.audienceSize(h, d.label()), clock.millis()));
        audit.record(actor, "broadcast.sent", "broadcast:" + id, "Sent the announcement \"" + d.title() + "\" to "
                + (d.label() == null ? "every member" : "the members labelled " + d.label()) + ".");
        return id;
    }

    /** Job {@code deliver-broadcasts}. @return how many members it reached in this run */
    public long deliver(Instant now) {
        long reached = 0;
        int batches = batchesPerRun.getAsInt();
        for (BroadcastStore.Broadcast b : db.read(store::queued)) {
            long last = b.lastUserId();
            boolean done = false;
            while (!done && batches-- > 0) {
                long after = last;
                int[] count = new int[1];
                List<Long> members = db.write(h -> {
                    List<Long> ids = store.audience(h, b.label(), after, BATCH);
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("title", b.title());
                    params.put("body", b.body());
                    Draft channels = new Draft(b.title(), b.body(), b.link(), b.label(), b.inSite(), b.email());
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

    public List<BroadcastStore.Broadcast> newestFirst(long beforeId, int limit) {
        return store.newestFirst(beforeId, limit);
    }
}
