package io.kindred.plugins.welcome.sink;

import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.web.Exchange;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The sink plugin's notes: records through Jackson, Jdbi, events and templates. */
final class Notes {

    /** A note as stored and as answered. */
    record Note(long id, String text, Instant createdAt) {
    }

    /** The body of a new note. */
    record NewNote(String text) {
    }

    private final PluginContext ctx;

    Notes(PluginContext ctx) {
        this.ctx = ctx;
    }

    void onRegistered(Event event, Handle tx) {
        insert(tx, event.userId(), "welcome");
    }

    void onNoted(Event event, Handle tx) {
        ctx.ledger().credit(tx, event.userId(), "sinkstars", ctx.settings().get(SinkPlugin.STARS), "note",
                "event:" + event.id(), "sink-note:" + event.id());
    }

    void add(Exchange x) {
        long userId = x.requireMember().id();
        NewNote body = x.body(NewNote.class);
        Note note = ctx.db().write(tx -> {
            Note n = insert(tx, userId, body.text());
            ctx.events().publish(tx, "sink.noted", userId, Map.of("note", n));
            return n;
        });
        x.json(201, Map.of("note", note));
    }

    void list(Exchange x) {
        long userId = x.requireMember().id();
        List<Note> notes = ctx.db().read(h -> h.registerRowMapper(ConstructorMapper.factory(Note.class))
                .createQuery("SELECT id, text, created_at FROM sink_notes WHERE user_id = :u ORDER BY id")
                .bind("u", userId).mapTo(Note.class).list());
        x.json(Map.of("items", notes));
    }

    void page(Exchange x) {
        long userId = x.requireMember().id();
        List<Note> notes = ctx.db().read(h -> h.registerRowMapper(ConstructorMapper.factory(Note.class))
                .createQuery("SELECT id, text, created_at FROM sink_notes WHERE user_id = :u ORDER BY id")
                .bind("u", userId).mapTo(Note.class).list());
        x.render("sink/page", Map.of("notes", notes));
    }

    long tick(Instant now) {
        return ctx.db().write(h -> h.createUpdate("UPDATE sink_ticks SET ticks = ticks + 1, last_at = :now")
                .bind("now", now.toEpochMilli()).execute());
    }

    private Note insert(Handle tx, long userId, String text) {
        Instant now = ctx.clock().instant();
        long id = tx.createQuery("INSERT INTO sink_notes(user_id, text, created_at) VALUES (:u, :t, :at) RETURNING id")
                .bind("u", userId).bind("t", text).bind("at", now.toEpochMilli())
                .mapTo(Long.class).one();
        return new Note(id, text, now);
    }
}
