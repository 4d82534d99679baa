package io.kindred.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kindred.api.events.Events;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.Map;

/** Writes events into the outbox table, inside the caller's transaction. */
public final class EventOutbox implements Events {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Runnable wakeDispatcher;
    private volatile OwnEvents ownEvents;
    private volatile boolean guarded;

    /** PostgreSQL: marks each publishing transaction for the readers' {@link CommitHorizon}. */
    public void guardCommits(boolean guard) {
        this.guarded = guard;
    }

    /** Notes members' events for read-your-writes (see {@link OwnEvents}). */
    public void trackOwnEvents(OwnEvents own) {
        this.ownEvents = own;
    }

    public EventOutbox(ObjectMapper mapper, Clock clock, Runnable wakeDispatcher) {
        this.mapper = mapper;
        this.clock = clock;
        this.wakeDispatcher = wakeDispatcher;
    }

    @Override
    public long publish(Handle tx, String type, Long userId, Map<String, ?> payload) {
        if (type == null || !type.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+")) {
            throw new IllegalArgumentException("event type must be dotted lower case, e.g. checkin.recorded: " + type);
        }
        String json;
        try {
            json = mapper.writeValueAsString(payload == null ? Map.of() : payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + e.getOriginalMessage(), e);
        }
        if (guarded) {
            CommitHorizon.guard(tx);
        }
        long id = tx.createQuery("""
                        INSERT INTO events(type, user_id, payload, created_at) VALUES (:type, :user, :payload, :now)
                        RETURNING id""")
                .bind("type", type).bind("user", userId).bind("payload", json).bind("now", clock.millis())
                .mapTo(Long.class).one();
        OwnEvents own = ownEvents;
        if (own != null && userId != null) {
            own.published(userId, type, id);
        }
        wakeDispatcher.run();
        return id;
    }
}
