package ${package};

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.web.Access;

/** The entry class: everything the plugin adds to Kindred, declared in one method. */
public final class ${pluginName}Plugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        Greetings greetings = new Greetings(ctx);

        ctx.migrations("db/${pluginId}");                                        // src/main/resources/db/${pluginId}/V1__greetings.sql
        ctx.on("user.registered", "greet", greetings::onRegistered);             // a listener, named ${pluginId}:greet
        ctx.routes().get("/api/v1/${pluginId}/me", Access.MEMBER, greetings::mine); // a JSON API route
        ctx.openApi("openapi/${pluginId}.json");                                  // its OpenAPI description, in /api/v1/openapi.json
        ctx.routes().get("/${pluginId}", Access.MEMBER, greetings::page);          // a member page: templates/page.peb
        ctx.messages("messages/${pluginId}");                                     // messages/${pluginId}.properties and _zh_CN
        ctx.nav(NavEntry.member("${pluginId}.nav", "/${pluginId}", 60));           // an entry in the member menu
        ctx.personalData(new GreetingsPersonalData());                           // its part of a member's export and erasure
    }
}
