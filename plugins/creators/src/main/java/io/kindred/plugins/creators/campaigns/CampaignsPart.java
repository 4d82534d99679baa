package io.kindred.plugins.creators.campaigns;

import io.kindred.api.PluginContext;

/** Recruitment campaigns (招募), their configurable forms, applications and the screening workflow (submitted → screening → interview → approved | rejected). */
public final class CampaignsPart {

    private final PluginContext ctx;

    public CampaignsPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's migrations-free contributions: routes, listeners, settings, pages, texts. */
    public void contribute() {
    }
}
