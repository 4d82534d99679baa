package io.kindred.plugins.activities.tasks;

import io.kindred.api.PluginContext;

/** The tasks part of the activities plugin: its routes, listeners, settings, pages and texts. */
public final class TasksPart {

    private final PluginContext ctx;

    public TasksPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's contributions (the plugin registers the shared migrations folder). */
    public void contribute() {
        ctx.messages("messages/tasks");
    }
}
