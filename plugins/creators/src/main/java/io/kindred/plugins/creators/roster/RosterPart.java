package io.kindred.plugins.creators.roster;

import io.kindred.api.PluginContext;

/** Creators: categories, levels, certification (认证加V) with a V badge and an electronic certificate, onboarding tasks, grants on approval, performance and reports, traffic tilt. */
public final class RosterPart {

    private final PluginContext ctx;

    public RosterPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's migrations-free contributions: routes, listeners, settings, pages, texts. */
    public void contribute() {
    }
}
