package io.kindred.plugins.welcome.sink;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Handler;

import java.time.Duration;
import java.util.Map;

/**
 * A test plugin that uses every extension point, with its own classes in JSON bodies, Jdbi row mappers,
 * event payloads and template models, so that a leak test sees whatever a run could leave behind.
 * {@code ClassLoaderLeakIT} packs this package and {@code sink-plugin/} into a plugin jar.
 */
public final class SinkPlugin extends KindredPlugin {

    static final SettingDefinition<Integer> STARS = SettingDefinition.integer("stars", 3, 0, 100, "Stars per note");

    @Override
    public void contribute(PluginContext ctx) {
        Notes notes = new Notes(ctx);

        ctx.migrations("db/sink");
        ctx.asset(AssetDefinition.of("sinkstars"));
        ctx.setting(STARS);
        ctx.on("user.registered", "welcome-note", notes::onRegistered);
        ctx.on("sink.noted", "count-notes", notes::onNoted);
        ctx.routes().post("/api/v1/sink/notes", Access.MEMBER, notes::add);
        ctx.routes().get("/api/v1/sink/notes", Access.MEMBER, notes::list);
        ctx.routes().get("/sink", Access.MEMBER, notes::page);
        ctx.nav(NavEntry.member("sink.nav", "/sink", 90));
        ctx.nav(NavEntry.console("sink.nav", "/console/sink", 90));
        ctx.widget(new Widget("sink-notes", "sink/widget", 90, viewer -> Map.of("note", new Notes.Note(0, "hello", null))));
        ctx.templates("templates");
        ctx.messages("messages/sink");
        ctx.assets("assets");
        ctx.stylesheet("css/sink.css");
        ctx.job("tick", Schedule.every(Duration.ofSeconds(1)), notes::tick);
        ctx.provide(Handler.class, x -> x.json(Map.of("sink", true)));
    }
}
