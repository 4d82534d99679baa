package io.kindred.plugins.welcome;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;

/** Welcome gift (新人礼): points for every member who signs up. The whole plugin, at a glance. */
public final class WelcomePlugin extends KindredPlugin {

    static final SettingDefinition<Integer> POINTS = SettingDefinition.integer("points", 50, 0, 100_000,
            "Points given to each new member when they sign up");
    static final SettingDefinition<Boolean> FOR_IMPORTED = SettingDefinition.bool("forImported", false,
            "Also give the gift to imported existing customers");

    @Override
    public void contribute(PluginContext ctx) {
        WelcomeGifts gifts = new WelcomeGifts(ctx);

        ctx.migrations("db/welcome");
        ctx.setting(POINTS);
        ctx.setting(FOR_IMPORTED);
        ctx.on("user.registered", "gift", gifts::onRegistered);
        ctx.on("member.merged", "merge-members", new WelcomeMerges()::onMerged);
        ctx.personalData(new WelcomePersonalData());
        ctx.openApi("openapi/welcome.json");
        ctx.routes().get("/api/v1/welcome/me", Access.MEMBER, gifts::mine);
        ctx.routes().get("/api/v1/admin/welcome/stats", Access.OPERATOR, gifts::stats);
        ctx.routes().get("/welcome", Access.MEMBER, gifts::page);
        ctx.messages("messages/welcome");
        ctx.nav(NavEntry.member("welcome.nav", "/welcome", 50).withIcon("gift"));
        ctx.widget(new Widget("welcome", "welcome/widget", 10, gifts::widget));
    }
}
