package io.kindred.plugins.creators.campaigns;

import io.kindred.api.PluginContext;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.settings.SettingDefinition;
import org.jdbi.v3.core.Handle;

import java.util.Map;

/**
 * The applicant's in-site notification of the outcome, with the operator's message template of the setting
 * (approved or rejected, English and Chinese): the bundle shows the text of the member's language.
 */
final class Outcomes {

    static final NotificationType TYPE = NotificationType.of("creators.application_outcome").mandatory();

    private final PluginContext ctx;
    private final CampaignStore campaigns;

    Outcomes(PluginContext ctx, CampaignStore campaigns) {
        this.ctx = ctx;
        this.campaigns = campaigns;
    }

    void notify(Handle tx, Application a, String status) {
        String title = campaigns.find(tx, a.campaignId()).map(Campaign::title).orElse("");
        boolean approved = status.equals("approved");
        ctx.notifications().send(tx, a.userId(), TYPE.code(), Map.of(
                        "campaign", title,
                        "messageEn", text(approved ? CampaignSettings.APPROVED_EN : CampaignSettings.REJECTED_EN, title),
                        "messageZh", text(approved ? CampaignSettings.APPROVED_ZH : CampaignSettings.REJECTED_ZH, title)),
                "/creators", "outcome:" + a.id());
    }

    private String text(SettingDefinition<String> template, String campaign) {
        return ctx.settings().get(template).replace("{campaign}", campaign);
    }
}
