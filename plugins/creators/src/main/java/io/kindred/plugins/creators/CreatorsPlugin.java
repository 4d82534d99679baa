package io.kindred.plugins.creators;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.ui.NavEntry;
import io.kindred.plugins.creators.agencies.AgenciesPart;
import io.kindred.plugins.creators.campaigns.ApplicationData;
import io.kindred.plugins.creators.campaigns.CampaignsPart;
import io.kindred.plugins.creators.candidates.CandidatesPart;
import io.kindred.plugins.creators.roster.RosterPart;

/**
 * Creators (达人 / MCN): the brand grows its KOLs and KOCs out of its own members, then signs outside creators
 * and lets the best form agencies under contract. Four parts, each a table of contents of its own:
 * <ul>
 *   <li>{@link CandidatesPart}: finding candidates among members (segments with creator filters), inviting them;</li>
 *   <li>{@link CampaignsPart}: recruitment campaigns, their forms, applications and the screening workflow;</li>
 *   <li>{@link RosterPart}: creators, levels, certification (V badge, certificate), onboarding, grants,
 *       performance, traffic tilt; provides {@code CreatorService};</li>
 *   <li>{@link AgenciesPart}: agencies (MCN), contracts, revenue share, agency managers.</li>
 * </ul>
 * The parts meet through events ({@code creators.application_approved}) and each other's tables, never
 * through another plugin's tables.
 */
public final class CreatorsPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.migrations("db/creators");
        ctx.messages("messages/creators");
        new CandidatesPart(ctx).contribute();
        new CampaignsPart(ctx).contribute();
        new RosterPart(ctx).contribute();
        new AgenciesPart(ctx).contribute();
        ctx.personalData(new CreatorsPersonalData(new ApplicationData(ctx.vault())));
        ctx.nav(NavEntry.everyone("creators.nav", "/creators", 55).withIcon("star"));
        ctx.nav(NavEntry.console("creators.console.nav", "/console/creators", 50));
    }
}
