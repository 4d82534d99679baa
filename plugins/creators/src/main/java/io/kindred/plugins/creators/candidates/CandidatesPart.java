package io.kindred.plugins.creators.candidates;

import io.kindred.api.PluginContext;

/** Finding candidates among the members: a segment with creator filters (RFM, community activity, streaks, fans, labels, tier), and invitations to apply. */
public final class CandidatesPart {

    private final PluginContext ctx;

    public CandidatesPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's migrations-free contributions: routes, listeners, settings, pages, texts. */
    public void contribute() {
    }
}
