package io.kindred.plugins.activities.surveys;

import io.kindred.api.PluginContext;

/** The surveys part of the activities plugin: its routes, listeners, settings, pages and texts. */
public final class SurveysPart {

    private final PluginContext ctx;

    public SurveysPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's contributions (the plugin registers the shared migrations folder). */
    public void contribute() {
        ctx.messages("messages/surveys");
    }
}
