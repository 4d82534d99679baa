package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The onboarding checklist of a creator: tasks from the settings, ticked by the creator or marked by an operator. */
final class Onboarding {

    /** A task of the checklist. */
    record Task(String kind, String code, String title, String link) {
        boolean byCreator() {
            return "read".equals(kind);
        }
    }

    private final PluginContext ctx;

    Onboarding(PluginContext ctx) {
        this.ctx = ctx;
    }

    List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        for (String line : ctx.settings().get(RosterSettings.ONBOARDING_TASKS).split("\\R")) {
            String[] p = line.split("\\|", -1);
            if (p.length >= 3 && (p[0].trim().equals("read") || p[0].trim().equals("assess")) && !p[1].isBlank()) {
                tasks.add(new Task(p[0].trim(), p[1].trim(), p[2].trim(), p.length > 3 ? p[3].trim() : ""));
            }
        }
        return tasks;
    }

    /** @return the checklist with each task's state, as JSON-ready maps */
    List<Map<String, Object>> checklist(long userId) {
        Set<String> done = ctx.db().read(h -> h.createQuery("SELECT task_code FROM creator_onboarding WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).stream().collect(Collectors.toSet()));
        return tasks().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", t.code());
            m.put("kind", t.kind());
            m.put("title", t.title());
            m.put("link", t.link().isEmpty() ? null : t.link());
            m.put("done", done.contains(t.code()));
            return m;
        }).toList();
    }

    /** The creator ticks a {@code read} task. */
    void tick(Member creator, String code) {
        Task t = task(code);
        if (!t.byCreator()) {
            throw new KindredException(RosterError.TASK_NOT_FOUND, "An operator marks this task done.");
        }
        mark(creator.id(), code, null);
    }

    /** An operator marks any task done (an assessment, usually). */
    void markByOperator(Member operator, long userId, String code) {
        task(code);
        ctx.db().write(tx -> {
            mark(userId, code, operator.id());
            ctx.audit().record(tx, operator, "creators.onboarding", "user:" + userId, code);
            return null;
        });
    }

    private void mark(long userId, String code, Long by) {
        ctx.db().write(tx -> tx.createUpdate("""
                        INSERT INTO creator_onboarding(user_id, task_code, done_at, marked_by) VALUES (:u, :c, :now, :by)
                        ON CONFLICT (user_id, task_code) DO NOTHING""")
                .bind("u", userId).bind("c", code).bind("now", ctx.clock().millis()).bind("by", by).execute());
    }

    private Task task(String code) {
        return tasks().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() ->
                new KindredException(RosterError.TASK_NOT_FOUND, "There is no onboarding task '" + code + "'."));
    }
}
