package io.kindred.plugins.creators.candidates;

import io.kindred.api.PluginContext;
import io.kindred.api.web.Access;

/** Finding candidates among the members: a segment with creator filters (RFM, community activity, streaks, fans, labels, tier), and invitations to apply. */
public final class CandidatesPart {

    private final PluginContext ctx;

    public CandidatesPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's contributions: texts, the invitation notification, the console page, its CSV and invite form, the JSON list. */
    public void contribute() {
        ctx.messages("messages/candidates");
        ctx.notificationType(Invitations.INVITED);
        Candidates candidates = new Candidates(ctx);
        CandidatesConsole console = new CandidatesConsole(candidates, new Invitations(ctx));
        ctx.routes().group(CandidatesConsole.PATH, Access.OPERATOR, g -> {
            g.get("", console::page);
            g.post("/invite", console::invite);
        });
        ctx.routes().get(CandidatesConsole.PATH + ".csv", Access.OPERATOR, console::csv);
        ctx.routes().get("/api/v1/admin/creators/candidates", Access.OPERATOR, new CandidatesApi(candidates)::list);
        ctx.openApi("openapi/candidates.json");
    }
}
