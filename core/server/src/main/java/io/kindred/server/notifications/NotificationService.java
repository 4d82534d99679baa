package io.kindred.server.notifications;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.notifications.Channel;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.notifications.Notifications;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who gets what: stores a notification for the bell when the member keeps the in-site channel, and queues
 * an email when they keep the email channel. Members' choices apply only to types they may turn off.
 */
public final class NotificationService implements Notifications {

    /** One type and the channels a member gets it on. */
    public record Choice(NotificationType type, Set<Channel> channels) {
        public boolean has(Channel c) {
            return channels.contains(c);
        }
    }

    private final Database db;
    private final NotificationStore store;
    private final UiRegistry ui;
    private final Clock clock;

    public NotificationService(Database db, NotificationStore store, UiRegistry ui, Clock clock) {
        this.db = db;
        this.store = store;
        this.ui = ui;
        this.clock = clock;
    }

    @Override
    public Optional<Long> send(long userId, String type, Map<String, ?> params, String link, String key) {
        return db.write(tx -> send(tx, userId, type, params, link, key));
    }

    @Override
    public Optional<Long> send(Handle tx, long userId, String type, Map<String, ?> params, String link, String key) {
        return sendOn(tx, userId, type, params, link, key, EnumSet.allOf(Channel.class));
    }

    /**
     * Sends on some channels only (a broadcast in-site only, say), still as the member chose.
     *
     * @param allowed the channels this sending may use
     * @return the notification's id; empty when no allowed channel is on for the member
     */
    public Optional<Long> sendOn(Handle tx, long userId, String type, Map<String, ?> params, String link, String key,
                                 Set<Channel> allowed) {
        NotificationType t = type(type);
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw KindredException.invalidField("A notification key is 1 to 200 characters.");
        }
        if (link != null && !link.startsWith("/")) {
            throw KindredException.invalidField("A notification link is a path of this site, starting with '/'.");
        }
        Map<String, Boolean> choices = store.choices(tx, userId);
        Set<Channel> channels = channels(t, choices);
        channels.retainAll(allowed);
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        String json = Json.write(params == null ? Map.of() : new LinkedHashMap<>(params));
        boolean digest = channels.contains(Channel.EMAIL) && choices.getOrDefault(NotificationStore.DIGEST, false);
        Optional<Long> id = store.insert(tx, userId, t.code(), json, link, key, channels.contains(Channel.IN_SITE),
                digest, clock.millis());
        if (id.isEmpty()) {
            return store.idByKey(tx, userId, key);
        }
        if (channels.contains(Channel.EMAIL) && !digest) {
            store.queueEmail(tx, userId, id.get(), clock.millis());
        }
        return id;
    }

    /** @return the declared type; 400 {@code unknown_notification_type} otherwise */
    public NotificationType type(String code) {
        return ui.notificationType(code).orElseThrow(() -> new KindredException(CoreError.UNKNOWN_NOTIFICATION_TYPE,
                "No started plugin declares the notification type '" + code + "'."));
    }

    private static Set<Channel> channels(NotificationType t, Map<String, Boolean> choices) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (Channel c : Channel.values()) {
            boolean byDefault = t.defaultChannels().contains(c);
            boolean on = t.optional() ? choices.getOrDefault(t.code() + "/" + c.code(), byDefault) : byDefault;
            if (on) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return every type members may turn off, with the channels this member gets it on */
    public List<Choice> choices(long userId) {
        Map<String, Boolean> chosen = db.read(h -> store.choices(h, userId));
        return ui.notificationTypes().stream().filter(NotificationType::optional)
                .map(t -> new Choice(t, channels(t, chosen))).toList();
    }

    /** Saves the member's channels for one type; 400 for a type members may not turn off. */
    public void choose(long userId, String type, Set<Channel> channels) {
        NotificationType t = type(type);
        if (!t.optional()) {
            throw KindredException.invalidField("The notification type '" + type + "' cannot be turned off.");
        }
        db.write(h -> {
            for (Channel c : Channel.values()) {
                store.choose(h, userId, t.code(), c.code(), channels.contains(c), clock.millis());
            }
            return null;
        });
    }

    /** @return whether the member gets one email a day instead of one per notification */
    public boolean digest(long userId) {
        return db.read(h -> store.choices(h, userId)).getOrDefault(NotificationStore.DIGEST, false);
    }

    public void chooseDigest(long userId, boolean daily) {
        db.write(h -> {
            store.choose(h, userId, "*", "digest", daily, clock.millis());
            return null;
        });
    }

    /** Job {@code send-digests} (daily): queues one digest email per member with notifications waiting for it. */
    public long queueDigests(java.time.Instant now) {
        long queued = 0;
        while (true) {
            List<Long> members = db.read(h -> store.membersWithDigest(h, 0, 200));
            for (long member : members) {
                db.write(h -> {
                    store.queueDigest(h, member, now.toEpochMilli());
                    return null;
                });
                queued++;
            }
            if (members.size() < 200) {
                return queued;
            }
        }
    }

    public int markRead(long userId, List<Long> ids) {
        return db.write(h -> store.markRead(h, userId, ids, clock.millis()));
    }

    public int markAllRead(long userId) {
        return db.write(h -> store.markAllRead(h, userId, clock.millis()));
    }

    public int unreadCount(long userId) {
        return store.unreadCount(userId);
    }

    public List<NotificationStore.Row> newestFirst(long userId, long beforeId, int limit, boolean unreadOnly) {
        return store.newestFirst(userId, beforeId, limit, unreadOnly);
    }

    /** @return the member's notification, marked read; 404 when it is not theirs */
    public NotificationStore.Row open(long userId, long id) {
        NotificationStore.Row r = store.ofMember(userId, id)
                .orElseThrow(() -> KindredException.notFound("No such notification."));
        markRead(userId, List.of(id));
        return r;
    }
}
