package io.kindred.plugins.creators.candidates;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.users.Member;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Invite to apply" (邀请报名): an in-site notification {@code creators.invited} linking to the campaign's page, once per
 * member and campaign (a row in {@code creator_invitations} and the notification's idempotency key), audited. The
 * open campaigns are read from the campaigns part's {@code creator_campaigns}; while that table is not there, there
 * is nothing to invite to.
 */
final class Invitations {

    static final NotificationType INVITED = NotificationType.of("creators.invited");

    /** An open campaign one can invite to. */
    record Campaign(long id, String title) {
    }

    private final PluginContext ctx;

    Invitations(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return the open campaigns, newest first; none while the campaigns' table does not exist */
    List<Campaign> open() {
        try {
            return ctx.db().read(h -> h.createQuery("SELECT id, title FROM creator_campaigns WHERE status = 'open' ORDER BY id DESC")
                    .map((rs, c) -> new Campaign(rs.getLong("id"), rs.getString("title"))).list());
        } catch (RuntimeException e) {
            return List.of(); // the campaigns part's table is not there (yet)
        }
    }

    Optional<Campaign> openCampaign(long id) {
        return open().stream().filter(c -> c.id() == id).findFirst();
    }

    /**
     * Invites each member to the open campaign; a member invited to it before is left alone.
     *
     * @return how many members were invited now
     */
    int invite(Member operator, long campaignId, List<Long> userIds) {
        Campaign campaign = openCampaign(campaignId).orElseThrow(() ->
                KindredException.invalidField("Choose an open campaign to invite to."));
        if (userIds.isEmpty()) {
            throw KindredException.invalidField("There is nobody to invite: no member is listed or ticked.");
        }
        long now = ctx.clock().millis();
        return ctx.db().write(h -> {
            int invited = 0;
            for (long userId : userIds) {
                int inserted = h.createUpdate("""
                                INSERT INTO creator_invitations(campaign_id, user_id, invited_by, invited_at)
                                VALUES (:c, :u, :by, :now) ON CONFLICT (campaign_id, user_id) DO NOTHING""")
                        .bind("c", campaignId).bind("u", userId).bind("by", operator.id()).bind("now", now).execute();
                if (inserted == 1) {
                    ctx.notifications().send(h, userId, INVITED.code(), Map.of("title", campaign.title()),
                            "/creators/campaigns/" + campaignId, "creators.invited:" + campaignId + ":" + userId);
                    invited++;
                }
            }
            ctx.audit().record(h, operator, "creators.candidates_invited", "creators:campaign:" + campaignId,
                    "Invited " + invited + " of " + userIds.size() + " members to apply to \"" + campaign.title() + "\".");
            return invited;
        });
    }

    /** @return how many members were invited to the campaign */
    long invitedTo(long campaignId) {
        return ctx.db().read(h -> h.createQuery("SELECT COUNT(*) FROM creator_invitations WHERE campaign_id = :c")
                .bind("c", campaignId).mapTo(Long.class).one());
    }
}
