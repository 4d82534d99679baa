package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.time.LocalDate;
import java.util.Map;

/**
 * A member applies to a campaign: once per campaign, while it is open and between its dates, until its quota is
 * reached. The checks run again inside the write transaction, which SQLite and PostgreSQL serialise, so parallel
 * applications cannot pass the quota or apply twice.
 */
final class Applications {

    private final PluginContext ctx;
    private final CampaignStore campaigns;
    private final ApplicationStore store;
    private final Answers answers;

    Applications(PluginContext ctx, CampaignStore campaigns, ApplicationStore store, Answers answers) {
        this.ctx = ctx;
        this.campaigns = campaigns;
        this.store = store;
        this.answers = answers;
    }

    Application apply(Member member, long campaignId, Answers.Body body) {
        Campaign c = ctx.db().read(h -> campaigns.find(h, campaignId)).filter(x -> !x.status().equals("draft"))
                .orElseThrow(() -> Campaigns.notFound(campaignId));
        checkOpen(c, ctx.today());
        Map<String, Object> sealed = answers.sealed(c, body);
        try {
            return insert(member, campaignId, sealed);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // A database that does not serialise writers lets a parallel twin through the check: the unique key stops it.
            if (ctx.db().read(h -> store.exists(h, campaignId, member.id()))) {
                throw new KindredException(CampaignsError.ALREADY_APPLIED, "You have already applied to this campaign.");
            }
            throw e;
        }
    }

    private Application insert(Member member, long campaignId, Map<String, Object> sealed) {
        return ctx.db().write(tx -> {
            Campaign fresh = campaigns.find(tx, campaignId).orElseThrow(() -> Campaigns.notFound(campaignId));
            checkOpen(fresh, ctx.today());
            if (store.exists(tx, campaignId, member.id())) {
                throw new KindredException(CampaignsError.ALREADY_APPLIED,
                        "You have already applied to this campaign; see your application on /creators.");
            }
            if (fresh.applied() >= fresh.quota()) {
                throw new KindredException(CampaignsError.QUOTA_REACHED,
                        "This campaign has all the applications it can take (" + fresh.quota() + ").");
            }
            long now = ctx.clock().millis();
            long id = store.insert(tx, campaignId, member.id(), sealed, now);
            store.step(tx, id, null, "submitted", member.id(), member.displayName(), null, null, now);
            ctx.events().publish(tx, "creators.application_submitted", member.id(),
                    Map.of("applicationId", id, "campaignId", campaignId, "userId", member.id()));
            return store.find(tx, id).orElseThrow();
        });
    }

    /** Refuses a campaign that does not take applications today, saying why. */
    static void checkOpen(Campaign c, LocalDate today) {
        if (c.status().equals("open") && today.isBefore(c.startsOn())) {
            throw new KindredException(CampaignsError.CAMPAIGN_NOT_STARTED,
                    "This campaign takes applications from " + c.startsOn() + ".");
        }
        if (!c.takesApplications(today)) {
            throw new KindredException(CampaignsError.CAMPAIGN_CLOSED, "This campaign no longer takes applications.");
        }
    }
}
