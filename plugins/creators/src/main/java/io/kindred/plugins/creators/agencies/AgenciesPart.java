package io.kindred.plugins.creators.agencies;

import io.kindred.api.PluginContext;

/** Agencies (MCN 机构) and their contracts with creators: revenue share booked through the ledger, renewals and terminations, agency managers. */
public final class AgenciesPart {

    private final PluginContext ctx;

    public AgenciesPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's migrations-free contributions: routes, listeners, settings, pages, texts. */
    public void contribute() {
    }
}
