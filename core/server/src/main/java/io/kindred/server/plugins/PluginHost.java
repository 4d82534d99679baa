package io.kindred.server.plugins;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.kindred.api.KindredException;
import io.kindred.api.KindredPlugin;
import io.kindred.api.Services;
import io.kindred.server.db.Migrations;
import io.kindred.server.events.Dispatcher;
import io.kindred.server.events.EventOutbox;
import io.kindred.server.jobs.Scheduler;
import io.kindred.server.openapi.OpenApiDocument;
import io.kindred.server.ledger.Assets;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.web.Json;
import io.kindred.server.web.PluginAssets;
import io.kindred.server.web.PluginRouter;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Loads plugins with PF4J from {@code <data>/plugins}, starts the enabled ones in dependency order, and enables,
 * disables, adds and removes them at run time. Starting a plugin applies its declarations (migrations, assets,
 * services, routes, subscriptions, jobs, UI); stopping undoes every one of them by owner, whichever step failed,
 * and unloads the plugin so its class loader can be collected. A plugin that throws while starting is marked
 * FAILED and the platform runs on. A plugin whose required dependency is not started WAITs, and starts by itself
 * when the dependency does.
 */
public final class PluginHost {

    private static final Logger log = LoggerFactory.getLogger("kindred.plugins");

    /** What the host keeps per plugin; {@code run} is set while it is started. */
    private static final class Entry {
        final String id;
        Path path;
        String version;
        String description;
        List<PluginDependency> dependencies;
        PluginStatus state = PluginStatus.STOPPED;
        String error;
        PluginRun run;
        boolean switchedOnAtRunTime;

        Entry(String id, Path path, PluginDescriptor d) {
            this.id = id;
            describe(path, d);
        }

        void describe(Path path, PluginDescriptor d) {
            this.path = path;
            this.version = d.getVersion();
            this.description = d.getPluginDescription();
            this.dependencies = List.copyOf(d.getDependencies());
        }

        boolean needs(String other) {
            return dependencies.stream().anyMatch(d -> !d.isOptional() && d.getPluginId().equals(other));
        }
    }

    private final KindredPluginManager pf4j;
    private final Migrations migrations;
    private final Assets assets;
    private final Dispatcher dispatcher;
    private final Scheduler scheduler;
    private final PluginRouter router;
    private final PluginAssets pluginAssets;
    private final UiRegistry ui;
    private final ServiceRegistry services;
    private final OpenApiDocument openApi;
    private final Supplier<Platform.PluginServices> servicesFactory;
    private final Set<String> bundledIds;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public PluginHost(Path pluginsDir, String systemVersion, Migrations migrations, Assets assets, Dispatcher dispatcher,
                      Scheduler scheduler, PluginRouter router, PluginAssets pluginAssets, UiRegistry ui,
                      ServiceRegistry services, OpenApiDocument openApi, Supplier<Platform.PluginServices> servicesFactory,
                      Set<String> bundledIds) {
        this.pf4j = new KindredPluginManager(pluginsDir, systemVersion);
        this.migrations = migrations;
        this.assets = assets;
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.router = router;
        this.pluginAssets = pluginAssets;
        this.ui = ui;
        this.services = services;
        this.openApi = openApi;
        this.servicesFactory = servicesFactory;
        this.bundledIds = Set.copyOf(bundledIds);
    }

    /** Loads every plugin jar and starts the enabled ones, dependencies first. */
    public synchronized void startAll() {
        JdkWarmUp.run();
        pf4j.loadPlugins();
        for (PluginWrapper w : pf4j.getPlugins()) {
            entries.put(w.getPluginId(), new Entry(w.getPluginId(), w.getPluginPath(), w.getDescriptor()));
        }
        for (Entry e : inDependencyOrder()) {
            if (isDisabled(e.id)) {
                e.state = PluginStatus.DISABLED;
            } else if (!pf4j.isCompatible(pf4j.getPlugin(e.id).getDescriptor())) {
                fail(e, "it needs Kindred " + pf4j.getPlugin(e.id).getDescriptor().getRequires() + ", this is "
                        + pf4j.getSystemVersion());
            } else {
                startIfReady(e);
            }
        }
        unloadAllNotStarted();
    }

    /** The entries, each after the plugins it depends on (cycles are broken arbitrarily; PF4J refuses them anyway). */
    private List<Entry> inDependencyOrder() {
        Set<String> ordered = new LinkedHashSet<>();
        entries.keySet().stream().sorted().forEach(id -> visit(id, ordered, new LinkedHashSet<>()));
        return ordered.stream().map(entries::get).toList();
    }

    private void visit(String id, Set<String> ordered, Set<String> path) {
        Entry e = entries.get(id);
        if (e == null || ordered.contains(id) || !path.add(id)) {
            return;
        }
        e.dependencies.forEach(d -> visit(d.getPluginId(), ordered, path));
        ordered.add(id);
    }

    /** Starts a plugin whose required dependencies are started; otherwise it WAITs with the reason. */
    private void startIfReady(Entry e) {
        Optional<String> missing = missingDependency(e);
        if (missing.isPresent()) {
            e.state = PluginStatus.WAITING;
            e.error = missing.get();
            log.warn("Plugin {} {} waits: {}", e.id, e.version, e.error);
            return;
        }
        start(e);
    }

    private Optional<String> missingDependency(Entry e) {
        for (PluginDependency d : e.dependencies) {
            if (d.isOptional()) {
                continue;
            }
            Entry other = entries.get(d.getPluginId());
            if (other == null) {
                return Optional.of("it needs plugin " + d.getPluginId() + ", which is not installed");
            }
            if (!other.state.isStarted()) {
                return Optional.of("it needs plugin " + d.getPluginId() + ", which is " + other.state.name().toLowerCase());
            }
            if (!pf4j.getVersionManager().checkVersionConstraint(other.version, d.getPluginVersionSupport())) {
                return Optional.of("it needs plugin " + d.getPluginId() + " " + d.getPluginVersionSupport() + ", installed is "
                        + other.version);
            }
        }
        return Optional.empty();
    }

    private void start(Entry e) {
        try {
            if (pf4j.getPlugin(e.id) == null) {
                pf4j.loadPlugin(e.path);
            }
            PluginWrapper loaded = pf4j.getPlugin(e.id);
            loaded.getPlugin(); // creates the instance first, so that a bad Plugin-Class fails in one line here
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
            PluginRun run = new PluginRun(e.id, e.version, base.withOutbox(outbox(mapper, base.clock())));
            plugin.contribute(run);
            apply(e, run, w.getPluginClassLoader(), mapper);
            e.run = run;
            e.state = PluginStatus.STARTED;
            e.error = null;
            log.info("Plugin {} {} started", e.id, e.version);
        } catch (Throwable ex) {
            undo(e);
            fail(e, String.valueOf(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            unload(e.id);
        }
    }

    private void fail(Entry e, String reason) {
        e.state = PluginStatus.FAILED;
        e.error = reason.replaceAll("\\s+", " ");
        log.error("Plugin {} {} FAILED to start and is off: {}", e.id, e.version, e.error);
    }

    /**
     * The run's own JSON mapper. Its own type cache too: a fresh ObjectMapper still shares Jackson's static
     * default TypeFactory, whose cache would keep the plugin's classes, and so its class loader, alive.
     */
    private static ObjectMapper pluginMapper(ClassLoader loader) {
        ObjectMapper mapper = Json.newMapper();
        mapper.setTypeFactory(TypeFactory.createDefaultInstance().withClassLoader(loader));
        return mapper;
    }

    private void apply(Entry e, PluginRun run, ClassLoader loader, ObjectMapper mapper) {
        for (String folder : run.migrationFolders) {
            migrations.migrate("plugin:" + e.id, loader, folder, e.path.getFileName().toString());
        }
        run.assets.forEach(a -> assets.register(e.id, a));
        run.provided.forEach(p -> provideUnchecked(e.id, loader, p));
        for (PluginRun.RouteDecl r : run.routes) {
            router.add(e.id, r.method(), r.path(), r.access(), r.scope(), r.handler(), mapper);
        }
        run.openApiResources.forEach(resource -> openApi.add(e.id, loader, resource));
        for (PluginRun.SubscriptionDecl s : run.subscriptions) {
            dispatcher.subscribe(new Dispatcher.Subscription(e.id + ":" + s.name(), s.eventType(), e.id, s.handler()), s.replay(),
                    e.switchedOnAtRunTime);
        }
        run.liveSubscriptions = s -> dispatcher.subscribe(
                new Dispatcher.Subscription(e.id + ":" + s.name(), s.eventType(), e.id, s.handler()), s.replay(), false);
        run.jobs.forEach(j -> scheduler.schedule(e.id, j.name(), j.schedule(), j.job()));
        if (run.assetFolder != null) {
            pluginAssets.add(e.id, e.path, run.assetFolder, run.pageStyles, run.pageScripts);
        } else if (!run.pageStyles.isEmpty() || !run.pageScripts.isEmpty()) {
            throw new IllegalArgumentException("it links page stylesheets or scripts but declares no assets folder");
        }
        run.navEntries.forEach(n -> ui.addNav(e.id, n));
        run.widgets.forEach(w -> ui.addWidget(e.id, w));
        run.accountSections.forEach(w -> ui.addAccountSection(e.id, w));
        run.benefits.forEach(b -> ui.addBenefit(e.id, b));
        run.taskKinds.forEach(k -> ui.addTaskKind(e.id, k));
        run.setupSteps.forEach(s -> ui.addSetupStep(e.id, s));
        run.personalData.forEach(d -> ui.addPersonalData(e.id, d));
        run.memberFilters.forEach(f -> ui.addMemberFilter(e.id, f));
        run.preferences.forEach(p -> ui.addPreference(e.id, p));
        run.notificationTypes.forEach(t -> ui.addNotificationType(e.id, t));
        ui.addTemplates(e.id, loader, run.templateFolder);
        run.messageBases.forEach(m -> ui.addMessages(e.id, loader, m));
    }

    @SuppressWarnings("unchecked")
    private void provideUnchecked(String owner, ClassLoader loader, PluginRun.ServiceDecl p) {
        services.provide(owner, loader, (Class<Object>) p.type(), p.implementation());
    }

    /** Removes everything a plugin contributed, by owner, whatever step of its start got that far; safe to repeat. */
    private void undo(Entry e) {
        if (e.run != null) {
            e.run.liveSubscriptions = null;
        }
        router.removeAll(e.id);
        openApi.removeAll(e.id);
        dispatcher.unsubscribeAll(e.id);
        scheduler.cancelAll(e.id);
        services.removeAll(e.id);
        pluginAssets.removeAll(e.id);
        ui.removeAll(e.id);
        e.run = null;
    }

    private void unload(String id) {
        try {
            if (pf4j.getPlugin(id) != null) {
                pf4j.unloadPlugin(id);
            }
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    /** Unloads what is loaded but not started (disabled, failed, waiting), dependents first. */
    private void unloadAllNotStarted() {
        List<Entry> order = new ArrayList<>(inDependencyOrder());
        java.util.Collections.reverse(order);
        order.stream().filter(e -> !e.state.isStarted()).forEach(e -> unload(e.id));
    }

    /**
     * Stops a started plugin and, first, every started plugin that needs it (they WAIT for it), then unloads them.
     *
     * @return the dependents that were stopped, so that a caller can start them again
     */
    private List<Entry> stop(Entry e, PluginStatus state, String reason) {
        List<Entry> stopped = new ArrayList<>();
        for (Entry other : entries.values()) {
            if (other != e && other.needs(e.id) && other.state.isStarted()) {
                stopped.addAll(stop(other, PluginStatus.WAITING, "it needs plugin " + e.id + ", which is "
                        + (state == PluginStatus.DISABLED ? "disabled" : "stopped")));
                stopped.add(other);
            }
        }
        if (e.state.isStarted()) {
            undo(e);
            log.info("Plugin {} {} stopped{}", e.id, e.version, state == PluginStatus.DISABLED ? " (disabled)"
                    : reason == null ? "" : ": " + reason);
        }
        e.state = state;
        e.error = reason;
        unload(e.id);
        return stopped;
    }

    /** Starts every WAITING plugin whose dependencies are now started, until none changes. */
    private void startWaiting() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Entry w : inDependencyOrder()) {
                if (w.state == PluginStatus.WAITING && missingDependency(w).isEmpty()) {
                    start(w);
                    changed = true;
                }
            }
        }
    }

    /** Enables a plugin: remembered in {@code disabled.txt}, loaded and started at once, and the plugins waiting for it. */
    public synchronized PluginInfo enable(String id) {
        Entry e = require(id);
        if (e.state.isStarted()) {
            return info(e);
        }
        pf4j.statusProvider().enablePlugin(id);
        e.switchedOnAtRunTime = e.state == PluginStatus.DISABLED;
        e.error = null;
        try {
            if (pf4j.getPlugin(id) == null) {
                pf4j.loadPlugin(e.path);
            }
            e.describe(e.path, pf4j.getPlugin(id).getDescriptor());
            startIfReady(e);
        } catch (RuntimeException ex) {
            fail(e, String.valueOf(ex.getMessage()));
            unload(id);
        }
        if (!e.state.isStarted()) {
            unload(id);
        }
        startWaiting();
        return info(e);
    }

    /** Disables a plugin: its routes, listeners, jobs and UI vanish at once, those of plugins needing it too; data stays. */
    public synchronized PluginInfo disable(String id) {
        Entry e = require(id);
        pf4j.statusProvider().disablePlugin(id);
        stop(e, PluginStatus.DISABLED, null);
        return info(e);
    }

    /** Stops every plugin (shutdown). */
    public synchronized void stopAll() {
        for (Entry e : entries.values()) {
            if (e.state.isStarted()) {
                undo(e);
                e.state = PluginStatus.STOPPED;
            }
        }
        pf4j.unloadPlugins();
    }

    // ---- what the installer needs ----

    /** Reads a jar's descriptor without loading it (PF4J's own checks of the manifest included). */
    PluginDescriptor describe(Path jar) {
        return pf4j.describe(jar);
    }

    /** @return whether this platform's version satisfies the jar's {@code Plugin-Requires} */
    boolean isCompatible(PluginDescriptor d) {
        return pf4j.isCompatible(d);
    }

    String systemVersion() {
        return pf4j.getSystemVersion();
    }

    int compareVersions(String a, String b) {
        return pf4j.getVersionManager().compareVersions(a, b);
    }

    /** @return the jar a known plugin runs from */
    Optional<Path> jarOf(String id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.path);
    }

    /** @return whether a jar in the plugins folder is one the host knows */
    boolean knows(Path jar) {
        return entries.values().stream().anyMatch(e -> e.path.equals(jar));
    }

    /** Adds a new plugin from its jar (already in the plugins folder) and starts it unless it is disabled. */
    synchronized PluginInfo add(Path jar) {
        PluginDescriptor d = pf4j.describe(jar);
        if (entries.containsKey(d.getPluginId())) {
            throw new IllegalStateException("plugin " + d.getPluginId() + " is known already");
        }
        Entry e = new Entry(d.getPluginId(), jar, d);
        // Like a plugin switched on at run time: a listener left from an earlier install (or a failed start)
        // resumes at the newest event, not at what happened while the plugin was not running.
        e.switchedOnAtRunTime = true;
        entries.put(e.id, e);
        if (isDisabled(e.id)) {
            e.state = PluginStatus.DISABLED;
        } else {
            startIfReady(e);
            startWaiting();
        }
        return info(e);
    }

    /**
     * Stops a plugin (and what needs it) so that its jar can be replaced; {@link #resume} starts it from the new
     * jar. The two run under the caller's lock on this host.
     *
     * @return the dependents that were stopped
     */
    synchronized List<String> suspend(String id) {
        Entry e = require(id);
        return stop(e, PluginStatus.STOPPED, "being replaced").stream().map(x -> x.id).toList();
    }

    /** Starts a suspended plugin from {@code jar}; returns its state (a failure leaves it FAILED and unloaded). */
    synchronized PluginInfo resume(String id, Path jar) {
        Entry e = require(id);
        e.describe(jar, pf4j.describe(jar));
        e.error = null;
        e.switchedOnAtRunTime = false; // the events written while the jar was swapped are handled by the new run
        if (isDisabled(id)) {
            e.state = PluginStatus.DISABLED;
        } else {
            startIfReady(e);
        }
        return info(e);
    }

    /** Starts whatever waits for plugins that are now started (after an upgrade or a rollback). */
    synchronized void resumeWaiting() {
        startWaiting();
    }

    /** Forgets a stopped plugin whose jar is gone; the plugins needing it WAIT. */
    synchronized void forget(String id) {
        Entry e = require(id);
        stop(e, PluginStatus.STOPPED, null);
        entries.remove(id);
        pf4j.statusProvider().enablePlugin(id); // no stale line in disabled.txt
        for (Entry other : entries.values()) {
            if (other.needs(id) && other.state == PluginStatus.WAITING) {
                other.error = "it needs plugin " + id + ", which is not installed";
            }
        }
    }

    // ---- reading ----

    private boolean isDisabled(String id) {
        return pf4j.statusProvider().isPluginDisabled(id);
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
        return e != null && e.state.isStarted();
    }

    public boolean isBundled(String id) {
        return bundledIds.contains(id);
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
        boolean enabled = !isDisabled(e.id);
        List<String> deps = e.dependencies.stream().map(d -> d.getPluginId() + (d.isOptional() ? "?" : "")).toList();
        return new PluginInfo(e.id, e.version, e.description, e.state, enabled, e.error, bundledIds.contains(e.id), deps);
    }

    /** A plugin's outbox: its own JSON mapper (the plugin's classes), the core's dispatcher and read-your-writes. */
    private EventOutbox outbox(com.fasterxml.jackson.databind.ObjectMapper mapper, java.time.Clock clock) {
        EventOutbox outbox = new EventOutbox(mapper, clock, dispatcher::wakeAfterCommit);
        outbox.trackOwnEvents(dispatcher.ownEvents());
        outbox.guardCommits(dispatcher.guardedCommits());
        return outbox;
    }
}
