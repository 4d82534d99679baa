package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;

/** The meetups part of the activities plugin: its routes, listeners, settings, pages and texts. */
public final class MeetupsPart {

    private final PluginContext ctx;

    public MeetupsPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's contributions (the plugin registers the shared migrations folder). */
    public void contribute() {
        ctx.messages("messages/meetups");
    }
}
