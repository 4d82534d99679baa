package io.kindred.server.plugins;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kindred.api.KindredException;
import io.kindred.api.KindredPlugin;
import io.kindred.api.Services;
import io.kindred.server.db.Migrations;
import io.kindred.server.events.Dispatcher;
import io.kindred.server.events.EventOutbox;
import io.kindred.server.jobs.Scheduler;
import io.kindred.server.ledger.Assets;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.web.Json;
import io.kindred.server.web.PluginRouter;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Loads plugins with PF4J from {@code <data>/plugins}, starts the enabled ones, and enables or disables
 * them at run time. Starting a plugin applies its declarations (migrations, assets, services, routes,
 * subscriptions, jobs, UI); stopping undoes every one of them and unloads the plugin so its class loader
 * can be collected. A plugin that throws while starting is marked FAILED and the platform runs on.
 */
public final class PluginHost {

    private static final Logger log = LoggerFactory.getLogger("kindred.plugins");

    /** What the host keeps per plugin; {@code run} is set while it is started. */
    private static final class Entry {
        final String id;
        final Path path;
        String version;
        String description;
        String state;
        String error;
        PluginRun run;
        ObjectMapper mapper;
        boolean switchedOnAtRunTime;

        Entry(String id, Path path, PluginDescriptor d) {
            this.id = id;
            this.path = path;
            this.version = d.getVersion();
            this.description = d.getPluginDescription();
        }
    }

    private final KindredPluginManager pf4j;
    private final Migrations migrations;
    private final Assets assets;
    private final Dispatcher dispatcher;
    private final Scheduler scheduler;
    private final PluginRouter router;
    private final UiRegistry ui;
    private final ServiceRegistry services;
    private final Supplier<Platform.PluginServices> servicesFactory;
    private final Set<String> bundledIds;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public PluginHost(Path pluginsDir, Migrations migrations, Assets assets, Dispatcher dispatcher, Scheduler scheduler,
                      PluginRouter router, UiRegistry ui, ServiceRegistry services,
                      Supplier<Platform.PluginServices> servicesFactory, Set<String> bundledIds) {
        this.pf4j = new KindredPluginManager(pluginsDir);
        this.migrations = migrations;
        this.assets = assets;
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.router = router;
        this.ui = ui;
        this.services = services;
        this.servicesFactory = servicesFactory;
        this.bundledIds = Set.copyOf(bundledIds);
    }

    /** Loads every plugin jar, starts the enabled ones, and unloads the disabled ones. */
    public synchronized void startAll() {
        pf4j.loadPlugins();
        for (PluginWrapper w : pf4j.getPlugins()) {
            entries.put(w.getPluginId(), new Entry(w.getPluginId(), w.getPluginPath(), w.getDescriptor()));
        }
        List<PluginWrapper> ordered = new ArrayList<>(pf4j.getResolvedPlugins());
        for (PluginWrapper w : pf4j.getPlugins()) {
            Entry e = entries.get(w.getPluginId());
            if (w.getPluginState() == PluginState.DISABLED) {
                e.state = "DISABLED";
                pf4j.unloadPlugin(w.getPluginId());
            } else if (!ordered.contains(w)) {
                e.state = "FAILED";
                e.error = "its dependencies could not be resolved";
                log.error("Plugin {} {} FAILED: {}", e.id, e.version, e.error);
                pf4j.unloadPlugin(w.getPluginId());
            }
        }
        for (PluginWrapper w : ordered) {
            Entry e = entries.get(w.getPluginId());
            if (e != null && e.state == null) {
                start(e);
            }
        }
    }

    private void start(Entry e) {
        PluginRun run = null;
        try {
            PluginWrapper loaded = pf4j.getPlugin(e.id);
            if (loaded != null) {
                loaded.getPlugin(); // creates the instance first, so that a bad Plugin-Class fails in one line here
            }
            PluginState s = pf4j.startPlugin(e.id);
            PluginWrapper w = pf4j.getPlugin(e.id);
            if (s != PluginState.STARTED) {
                Throwable failure = w == null ? null : w.getFailedException();
                throw new IllegalStateException(failure == null ? "PF4J could not start it" : failure.toString());
            }
            if (!(w.getPlugin() instanceof KindredPlugin plugin)) {
                throw new IllegalStateException("its Plugin-Class does not extend io.kindred.api.KindredPlugin");
            }
            ObjectMapper mapper = pluginMapper(w.getPluginClassLoader());
            Platform.PluginServices base = servicesFactory.get();
            run = new PluginRun(e.id, e.version, base.withOutbox(new EventOutbox(mapper, base.clock(), dispatcher::wake)));
            plugin.contribute(run);
            apply(e, run, w.getPluginClassLoader(), mapper);
            e.run = run;
            e.mapper = mapper;
            e.state = "STARTED";
            e.error = null;
            log.info("Plugin {} {} started", e.id, e.version);
        } catch (Throwable ex) {
            undo(e.id);
            e.state = "FAILED";
            e.error = String.valueOf(ex.getMessage() == null ? ex.toString() : ex.getMessage()).replaceAll("\\s+", " ");
            log.error("Plugin {} {} FAILED to start and is off: {}", e.id, e.version, e.error);
            try {
                pf4j.unloadPlugin(e.id);
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    /**
     * The run's own JSON mapper. Its own type cache too: a fresh ObjectMapper still shares Jackson's static
     * default TypeFactory, whose cache would keep the plugin's classes, and so its class loader, alive.
     */
    private static ObjectMapper pluginMapper(ClassLoader loader) {
        return Json.newMapper(loader);
    }

    private void apply(Entry e, PluginRun run, ClassLoader loader, ObjectMapper mapper) {
        for (String folder : run.migrationFolders) {
            migrations.migrate("plugin:" + e.id, loader, folder, e.path.getFileName().toString());
        }
        run.assets.forEach(a -> assets.register(e.id, a));
        run.provided.forEach(p -> provideUnchecked(e.id, p));
        for (PluginRun.RouteDecl r : run.routes) {
            router.add(e.id, r.method(), r.path(), r.access(), r.handler(), mapper);
        }
        for (PluginRun.SubscriptionDecl s : run.subscriptions) {
            dispatcher.subscribe(new Dispatcher.Subscription(e.id + ":" + s.name(), s.eventType(), e.id, s.handler()), s.replay(),
                    e.switchedOnAtRunTime);
        }
        run.jobs.forEach(j -> scheduler.schedule(e.id, j.name(), j.schedule(), j.job()));
        run.navEntries.forEach(n -> ui.addNav(e.id, n));
        run.widgets.forEach(w -> ui.addWidget(e.id, w));
        run.accountSections.forEach(w -> ui.addAccountSection(e.id, w));
        run.benefits.forEach(b -> ui.addBenefit(e.id, b));
        run.preferences.forEach(p -> ui.addPreference(e.id, p));
        ui.addTemplates(e.id, loader, run.templateFolder);
        run.messageBases.forEach(m -> ui.addMessages(e.id, loader, m));
    }

    @SuppressWarnings("unchecked")
    private void provideUnchecked(String owner, PluginRun.ServiceDecl p) {
        services.provide(owner, (Class<Object>) p.type(), p.implementation());
    }

    /** Removes everything a plugin contributed; safe to call more than once. */
    private void undo(String id) {
        router.removeAll(id);
        Entry e = entries.get(id);
        if (e != null && e.run != null) {
            e.run.subscriptions.forEach(s -> dispatcher.unsubscribe(id + ":" + s.name()));
        }
        scheduler.cancelAll(id);
        services.removeAll(id);
        ui.removeAll(id);
        if (e != null) {
            e.run = null;
            e.mapper = null;
        }
    }

    /** Enables a plugin: remembered in {@code disabled.txt}, loaded and started at once. */
    public synchronized PluginInfo enable(String id) {
        Entry e = require(id);
        if ("STARTED".equals(e.state)) {
            return info(e);
        }
        pf4j.statusProvider().enablePlugin(id);
        try {
            if (pf4j.getPlugin(id) == null) {
                pf4j.loadPlugin(e.path);
            }
            PluginWrapper w = pf4j.getPlugin(id);
            e.version = w.getDescriptor().getVersion();
            e.description = w.getDescriptor().getPluginDescription();
            e.switchedOnAtRunTime = "DISABLED".equals(e.state);
            e.state = null;
            start(e);
        } catch (RuntimeException ex) {
            e.state = "FAILED";
            e.error = ex.getMessage();
            log.error("Plugin {} FAILED to load: {}", id, ex.getMessage());
        }
        return info(e);
    }

    /** Disables a plugin: its routes, listeners, jobs and UI vanish at once, its data stays. */
    public synchronized PluginInfo disable(String id) {
        Entry e = require(id);
        pf4j.statusProvider().disablePlugin(id);
        if ("STARTED".equals(e.state)) {
            undo(id);
            log.info("Plugin {} {} disabled", e.id, e.version);
        }
        if (pf4j.getPlugin(id) != null) {
            pf4j.unloadPlugin(id);
        }
        e.state = "DISABLED";
        e.error = null;
        return info(e);
    }

    /** Stops every plugin (shutdown). */
    public synchronized void stopAll() {
        for (Entry e : entries.values()) {
            if ("STARTED".equals(e.state)) {
                undo(e.id);
                e.state = "STOPPED";
            }
        }
        pf4j.unloadPlugins();
    }

    private Entry require(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw KindredException.notFound("There is no plugin '" + id + "'.");
        }
        return e;
    }

    /** The settings a started plugin declared; empty while it is not started. */
    public List<io.kindred.api.settings.SettingDefinition<?>> settingsOf(String id) {
        Entry e = require(id);
        PluginRun run = e.run;
        return run == null ? List.of() : List.copyOf(run.settingDefs);
    }

    public List<PluginInfo> list() {
        return entries.values().stream().map(this::info).sorted(Comparator.comparing(PluginInfo::id)).toList();
    }

    public Optional<PluginInfo> find(String id) {
        return Optional.ofNullable(entries.get(id)).map(this::info);
    }

    public boolean isStarted(String id) {
        Entry e = entries.get(id);
        return e != null && "STARTED".equals(e.state);
    }

    /** @return the services started plugins offer each other */
    public Services services() {
        return services;
    }

    /** The class loader of a started plugin (tests watch it being collected). */
    public Optional<ClassLoader> classLoaderOf(String id) {
        PluginWrapper w = pf4j.getPlugin(id);
        return w == null ? Optional.empty() : Optional.of(w.getPluginClassLoader());
    }

    private PluginInfo info(Entry e) {
        boolean enabled = !pf4j.statusProvider().isPluginDisabled(e.id);
        return new PluginInfo(e.id, e.version, e.description, e.state == null ? "STOPPED" : e.state, enabled, e.error,
                bundledIds.contains(e.id));
    }
}
