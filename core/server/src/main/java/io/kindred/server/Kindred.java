package io.kindred.server;

import io.kindred.api.db.Database;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.server.config.Config;
import io.kindred.server.crypto.FileVault;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.customers.ClaimPages;
import io.kindred.server.customers.ClaimRoutes;
import io.kindred.server.customers.Claims;
import io.kindred.server.customers.ConsoleMerge;
import io.kindred.server.customers.EmailClaims;
import io.kindred.server.customers.MemberMerges;
import io.kindred.server.customers.MergeRoutes;
import io.kindred.server.customers.PhoneClaims;
import io.kindred.server.db.Db;
import io.kindred.server.db.Migrations;
import io.kindred.server.events.Dispatcher;
import io.kindred.server.events.EventOutbox;
import io.kindred.server.events.EventLog;
import io.kindred.server.events.EventRoutes;
import io.kindred.server.jobs.Scheduler;
import io.kindred.server.ledger.Assets;
import io.kindred.server.ledger.Expiry;
import io.kindred.server.ledger.Invariants;
import io.kindred.server.ledger.Adjustments;
import io.kindred.server.ledger.LedgerRoutes;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.pages.AccountPages;
import io.kindred.server.pages.ConsolePages;
import io.kindred.server.pages.ConsoleWebhooks;
import io.kindred.server.pages.MemberPages;
import io.kindred.server.pages.Messages;
import io.kindred.server.pages.PasswordResetPages;
import io.kindred.server.pages.Theme;
import io.kindred.server.pages.Uploads;
import io.kindred.server.pages.Views;
import io.kindred.server.audit.AuditLog;
import io.kindred.api.notifications.NotificationType;
import io.kindred.server.notifications.EmailOutbox;
import io.kindred.server.notifications.UnsubscribeLinks;
import io.kindred.server.notifications.PointsExpiryReminder;
import io.kindred.server.notifications.BroadcastStore;
import io.kindred.server.notifications.Broadcasts;
import io.kindred.server.pages.ConsoleBroadcasts;
import io.kindred.server.pages.ConsoleSegments;
import io.kindred.server.segments.Filters;
import io.kindred.server.segments.Rfm;
import io.kindred.server.segments.SegmentRoutes;
import io.kindred.server.segments.SegmentStore;
import io.kindred.server.segments.Segments;
import io.kindred.server.notifications.NotificationPages;
import io.kindred.server.notifications.NotificationRoutes;
import io.kindred.api.ui.Widget;
import io.kindred.server.notifications.NotificationService;
import io.kindred.server.notifications.NotificationStore;
import io.kindred.server.notifications.NotificationTexts;
import io.kindred.server.jobs.JobRoutes;
import io.kindred.server.plugins.BundledPlugins;
import io.kindred.server.plugins.FolderWatcher;
import io.kindred.server.plugins.PluginInstaller;
import io.kindred.server.web.PluginAssets;
import io.kindred.server.plugins.Platform;
import io.kindred.server.plugins.PluginHost;
import io.kindred.server.plugins.PluginRoutes;
import io.kindred.server.plugins.PluginSettings;
import io.kindred.server.plugins.ServiceRegistry;
import io.kindred.server.purchases.Buyers;
import io.kindred.server.purchases.PurchaseRoutes;
import io.kindred.server.purchases.Purchases;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.users.Accounts;
import io.kindred.server.users.AdminUserRoutes;
import io.kindred.server.users.ApiKeyRoutes;
import io.kindred.server.users.ApiKeys;
import io.kindred.server.users.AuthRoutes;
import io.kindred.server.users.ReferralLinks;
import io.kindred.server.uploads.StoredImages;
import io.kindred.server.users.Avatars;
import io.kindred.server.users.CustomerImport;
import io.kindred.server.users.CredentialThrottle;
import io.kindred.server.users.Mailer;
import io.kindred.server.users.MeRoutes;
import io.kindred.server.users.MembersView;
import io.kindred.server.users.PasswordResets;
import io.kindred.server.users.Sessions;
import io.kindred.server.staff.SecondFactor;
import io.kindred.server.staff.SecurityPages;
import io.kindred.server.staff.SecurityRoutes;
import io.kindred.server.staff.StaffGate;
import io.kindred.server.users.Preferences;
import io.kindred.server.users.Setup;
import io.kindred.server.users.CallerCache;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Errors;
import io.kindred.server.web.HttpServer;
import io.kindred.server.web.Json;
import io.kindred.server.web.Locales;
import io.kindred.server.openapi.OpenApiDocument;
import io.kindred.server.openapi.OpenApiRoutes;
import io.kindred.server.web.PluginRouter;
import io.kindred.server.webhooks.WebhookDeliverer;
import io.kindred.server.webhooks.WebhookRoutes;
import io.kindred.server.webhooks.WebhookStore;
import io.kindred.server.webhooks.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One running platform. Everything is wired here, with constructors, top to bottom: storage, core
 * services, plugins, HTTP. {@link #stop()} undoes it in reverse (in-flight requests finish, the event
 * dispatcher stops at a safe point).
 */
public final class Kindred implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("kindred");

    /**
     * How to start: the data directory, environment, command-line overrides and the clock.
     *
     * @param dataDir   data directory
     * @param env       environment variables (KINDRED_*)
     * @param overrides settings from the command line (e.g. {@code port})
     * @param clock     platform clock; tests pass one they can move
     */
    public record Options(Path dataDir, Map<String, String> env, Map<String, String> overrides, Clock clock) {
    }

    public final Config config;
    public final Db db;
    /** Tests watch the statements plugins run here (the core's: {@code db.coreJdbi().setSqlLogger}). */
    public final io.kindred.server.db.StatementWatch pluginStatements = new io.kindred.server.db.StatementWatch();
    public final Database database;
    public final Migrations migrations;
    public final SiteSettings settings;
    public final Clock clock;
    public final Dispatcher dispatcher;
    /** The core's event outbox (publishes in the caller's transaction). */
    public final io.kindred.api.events.Events events;
    public final LedgerService ledger;
    public final Expiry expiry;
    public final Invariants invariants;
    public final UserStore users;
    public final Accounts accounts;
    /** Done when the first administrator (or the setup token) exists; sign-in waits for it. */
    public final java.util.concurrent.CompletableFuture<Void> adminReady;
    public final io.kindred.server.privacy.LegalTexts legalTexts;
    public final io.kindred.server.privacy.Consents consents;
    public final ApiKeys apiKeys;
    public final Purchases purchases;
    public final Scheduler scheduler;
    public final PluginHost plugins;
    public final UiRegistry ui;
    public final Preferences preferences;
    public final AuditLog audit;
    public final NotificationService notifications;
    public final PluginInstaller installer;
    public final Webhooks webhooks;
    /** The one throttle of credential checks (passwords, reset links, claim codes, second-factor codes). */
    public final CredentialThrottle throttle;
    private final WebhookDeliverer webhookDeliverer;
    /** Every route the server serves now (core and started plugins), e.g. for the OpenAPI coverage test. */
    public final PluginRouter router;
    private final FolderWatcher folderWatcher;
    private final Mailer mailer;
    private final HttpServer http;
    private volatile boolean stopped;

    private Kindred(Options o) throws IOException {
        long started = System.nanoTime();
        this.clock = o.clock();
        this.config = Config.load(o.dataDir(), o.env(), o.overrides());
        for (Path dir : List.of(config.pluginsDir(), config.themesDir(), config.uploadsDir())) {
            Files.createDirectories(dir);
        }
        this.db = new Db(config.dbUrl(), config.dbUser(), config.dbPassword(), config.get("db.synchronous", "FULL"), config.getInt("db.pool-size", 8),
                config.getInt("db.busy-timeout-ms", 10_000));
        this.database = db.core();
        this.migrations = new Migrations(db);
        migrations.migrate("core", Kindred.class.getClassLoader(), "db/core");
        this.settings = new SiteSettings(config, database, clock);

        this.dispatcher = new Dispatcher(database, clock, settings.intValue("events.max-attempts", 8),
                settings.intValue("events.retry-base-ms", 1000));
        this.webhookDeliverer = new WebhookDeliverer(new WebhookStore(database), settings, clock, version());
        dispatcher.deferWakesWith(db::afterCommit);
        Runnable wakeDeliverers = () -> {
            dispatcher.wake();
            webhookDeliverer.wake();
        };
        // The dispatcher and the webhook deliverer can read a new event only once its transaction commits.
        EventOutbox outbox = new EventOutbox(Json.CORE, clock, () -> db.afterCommit(wakeDeliverers));
        io.kindred.server.events.OwnEvents ownEvents = new io.kindred.server.events.OwnEvents(database, dispatcher);
        outbox.trackOwnEvents(ownEvents);
        outbox.guardCommits(dispatcher.guardedCommits());
        this.events = outbox;
        dispatcher.ownEvents(ownEvents);
        Assets assets = new Assets(database, clock, settings);
        assets.register("core", AssetDefinition.of("points"));
        this.ledger = new LedgerService(database, assets, clock, settings::zone);
        this.expiry = new Expiry(database, ledger);
        this.invariants = new Invariants(database);

        this.users = new UserStore(db.coreJdbi(), new CallerCache(CallerCache.DEFAULT_CAPACITY, db::afterCommit));
        this.audit = new AuditLog(database, clock);
        this.legalTexts = new io.kindred.server.privacy.LegalTexts(database, clock, audit);
        legalTexts.seedDefaults();
        this.consents = new io.kindred.server.privacy.Consents(database, legalTexts, clock);
        this.accounts = new Accounts(database, users, outbox, clock,
                () -> "invite-only".equals(settings.raw("site.registration").orElse("open")), consents);
        Duration sessionDays = Duration.ofDays(settings.intValue("session.days", 30));
        Sessions sessions = new Sessions(database, clock, () -> new Sessions.Timeouts(sessionDays,
                Duration.ofHours(Math.max(0, settings.intValue("session.idle-hours", 168))),
                Duration.ofMinutes(Math.max(0, settings.intValue("session.staff-idle-minutes", 120)))), settings::zone,
                users.cache());
        this.apiKeys = new ApiKeys(database, clock);
        this.purchases = new Purchases(database, outbox, clock, settings::zone);
        MembersView members = new MembersView(database, users);
        Setup setup = new Setup(database, users, accounts, clock);
        this.mailer = new Mailer(settings);
        PasswordResets resets = new PasswordResets(database, users, sessions, mailer, clock);

        this.scheduler = new Scheduler(clock, settings::zone);
        this.router = new PluginRouter();
        PluginAssets pluginAssets = new PluginAssets();
        this.ui = new UiRegistry();
        ServiceRegistry services = new ServiceRegistry();
        this.preferences = new Preferences(database, ui, members, users, clock);
        settings.auditWith(audit);
        FileVault vault = new FileVault(config.dataDir().resolve("keys").resolve(FileVault.KEY_FILE));
        NotificationStore notificationStore = new NotificationStore(db.coreJdbi());
        this.notifications = new NotificationService(database, notificationStore, ui, clock);
        ui.addNotificationType("core", NotificationType.of("core.announcement"));
        ui.addNotificationType("core", NotificationType.of(PointsExpiryReminder.TYPE));
        Messages messages = new Messages(ui);
        Theme theme = new Theme(settings, config.themesDir(), ui, messages, config.get("dev").isPresent(), pluginAssets, clock);
        io.kindred.server.share.SharingService sharing = new io.kindred.server.share.SharingService(settings, theme);
        List<String> bundled = BundledPlugins.extract(config.pluginsDir());
        OpenApiDocument openApi = new OpenApiDocument(version());
        openApi.describeScopesWith((method, path) -> router.scopeOf(method, path).map(io.kindred.api.web.Scope::code));
        this.plugins = new PluginHost(config.pluginsDir(), systemVersion(), migrations, assets, dispatcher, scheduler, router,
                pluginAssets, ui, services, openApi,
                () -> new Platform.PluginServices(pluginStatements.watch(db.forPlugin()), ledger, null, members, settings, clock, services,
                        new StoredImages(config.uploadsDir(), () -> settings.boolValue("images.fetch-allow-private", false)),
                        ui::benefits, ui::taskKinds, notifications, audit.forPlugins(), theme,
                        vault, sharing),
                new HashSet<>(bundled));
        this.installer = new PluginInstaller(plugins, config.pluginsDir(), migrations, database, audit,
                settings.intValue("plugins.max-upload-bytes", 20 * 1_048_576));
        this.folderWatcher = new FolderWatcher(installer);

        Auth auth = new Auth(sessions, apiKeys, users, settings);
        auth.awaitOwnEventsWith(ownEvents::await);
        Locales locales = new Locales(auth, settings);
        this.throttle = new CredentialThrottle(clock, () -> new CredentialThrottle.Limits(
                settings.intValue("auth.max-failures", 5), settings.intValue("auth.max-failures-per-address", 30),
                Duration.ofMinutes(Math.max(1, settings.intValue("auth.lockout-minutes", 15)))));
        Avatars avatars = new Avatars(accounts, users, database, clock, config.uploadsDir());
        Views views = new Views(theme, settings, auth, ui, locales, services, notifications::unreadCount, sharing);
        // staff security (issue 20): TOTP second factor, required of staff by a setting; the own sessions
        SecondFactor secondFactor = new SecondFactor(database, vault, settings, throttle, sessions, clock, audit);
        auth.secondFactorWith(secondFactor::isOn, new StaffGate(secondFactor));
        NotificationTexts notificationTexts = new NotificationTexts(messages, ui);
        UnsubscribeLinks unsubscribeLinks = new UnsubscribeLinks(database, clock);
        NotificationPages notificationPages = new NotificationPages(views, notifications, notificationTexts, auth,
                settings::zone, unsubscribeLinks);
        ui.addAccountSection("core", Widget.localized("notifications", "notification-choices", 90,
                (viewer, locale) -> viewer == null ? Map.of() : notificationPages.choicesModel(viewer.id(), locale)));
        // segments: filters over members (plugins add theirs), saved segments, RFM boundaries recomputed nightly
        Rfm rfm = new Rfm(database, clock, settings::zone);
        SegmentStore segmentStore = new SegmentStore(users);
        Filters memberFilters = new Filters(ui, rfm, settings::zone);
        Segments segments = new Segments(database, segmentStore, memberFilters, audit, clock);
        services.provide("core", Kindred.class.getClassLoader(), io.kindred.api.segments.MemberSearch.class,
                new io.kindred.server.segments.MemberSearchService(database, memberFilters, rfm, segmentStore, ui));
        SegmentRoutes segmentRoutes = new SegmentRoutes(segments, rfm, auth);
        ConsoleSegments consoleSegments = new ConsoleSegments(views, segments, segmentRoutes);
        scheduler.schedule("core", "segments-rfm", Schedule.dailyAt(LocalTime.parse(settings.raw("segments.rfm-time")
                .filter(t -> t.matches("([01]\\d|2[0-3]):[0-5]\\d")).orElse("03:30"))), rfm::recompute);

        Broadcasts broadcasts = new Broadcasts(database, new BroadcastStore(db.coreJdbi()), notifications, audit, clock,
                () -> settings.intValue("broadcasts.batches-per-run", 10), segments);
        EmailOutbox emailOutbox = new EmailOutbox(database, notificationStore, notificationTexts, users, theme, mailer,
                settings, unsubscribeLinks, ui::notificationType);
        Adjustments adjustments = new Adjustments(database, ledger, users, audit);
        this.webhooks = new Webhooks(database, new WebhookStore(database), outbox, settings, clock, webhookDeliverer::wake);
        CustomerImport customerImport = new CustomerImport(database, users, accounts, ledger, outbox, audit, clock);
        // one member across channels (issue 16): customer records from purchases, claims by email or phone, merges
        Buyers buyers = new Buyers(users, accounts, () -> settings.boolValue(Buyers.CREATE_CUSTOMERS, false), clock);
        PhoneClaims phoneClaims = new PhoneClaims(database, users, services, clock);
        Claims claims = new Claims(new EmailClaims(users, resets), phoneClaims, views, settings, throttle);
        ClaimPages claimPages = new ClaimPages(views, claims, auth);
        MemberMerges merges = new MemberMerges(database, users, ledger, outbox, audit, clock);
        scheduler.schedule("core", "purge-claim-codes", Schedule.dailyAt(LocalTime.of(4, 25)), now -> phoneClaims.purgeExpired());

        // connectors: Shopify, WooCommerce and Youzan push orders that become purchases and refunds
        io.kindred.server.connectors.Connectors connectors = new io.kindred.server.connectors.Connectors(database, purchases,
                buyers, audit, clock);
        java.util.function.Consumer<io.kindred.server.web.CoreRouting> connectorRoutes = r -> {
            new io.kindred.server.connectors.ConnectorRoutes(connectors).accept(r);
            new io.kindred.server.connectors.ConsoleConnectors(views, connectors, settings).accept(r);
        };
        ui.addNav("core", new io.kindred.api.ui.NavEntry(io.kindred.api.ui.NavEntry.Place.CONSOLE, "connectors.nav",
                "/console/connectors", 98, io.kindred.api.web.Access.ADMIN));
        scheduler.schedule("core", "prune-connector-log", Schedule.dailyAt(LocalTime.of(4, 20)),
                now -> connectors.prune(settings.intValue(io.kindred.server.connectors.Connectors.LOG_DAYS, 30)));
        // end connectors

        // kpis
        io.kindred.server.kpis.Kpis kpis = new io.kindred.server.kpis.Kpis(database, new io.kindred.server.users.MemberStats(),
                ledger, settings, clock);
        // personal data (issue 20): consents, the member's export, the erasure of an account
        io.kindred.server.privacy.PrivacyRoutes.Services privacy = new io.kindred.server.privacy.PrivacyRoutes.Services(
                legalTexts, consents, new io.kindred.server.privacy.MemberExport(database, ui, consents, clock, config.uploadsDir()),
                new io.kindred.server.privacy.MemberErasure(database, users, ui, outbox, audit, clock, config.uploadsDir()),
                users, auth, new io.kindred.server.users.PasswordConfirmation(accounts, throttle),
                id -> ledger.balance(id, "points"));

        this.http = new HttpServer(settings, auth, router, new Errors(views), views, locales, List.of(
                new io.kindred.server.audit.AuditTrail(audit, auth),
                new io.kindred.server.audit.AuditRoutes(new io.kindred.server.audit.AuditSearch(database)),
                new SystemRoutes(version(), plugins, setup, auth, theme, views, settings),
                new MemberPages(views, accounts, users, auth, ledger, ui, settings, throttle, claims, claimPages),
                new io.kindred.server.pages.AppIcons(settings, views),
                new io.kindred.server.pages.MemberCentre(views, users, accounts, ledger, ui, settings, sharing,
                        new io.kindred.server.pages.HomePages(
                                () -> db.changes() + settings.version() + ui.version(), clock::millis)),
                new AccountPages(views, accounts, users, avatars, sessions, auth,
                        throttle, settings, preferences),
                new PasswordResetPages(views, resets, mailer, settings, throttle),
                new Uploads(config.uploadsDir()),
                new AuthRoutes(accounts, users, auth, settings, throttle, claims),
                new ClaimRoutes(claims, auth),
                claimPages,
                new MergeRoutes(merges, auth),
                new io.kindred.server.privacy.PrivacyRoutes(privacy),
                new io.kindred.server.privacy.PrivacyPages(views, privacy),
                new ConsoleMerge(views, users, ledger, merges, auth),
                new ReferralLinks(database, users, outbox, auth, settings),
                new MeRoutes(accounts, users, auth, preferences, throttle, avatars),
                new SecurityRoutes(secondFactor, sessions, users, auth),
                new SecurityPages(views, secondFactor, sessions, users, auth, settings),
                new NotificationRoutes(notifications, notificationTexts, auth, locales),
                notificationPages,
                new ConsoleBroadcasts(views, broadcasts, notificationStore, settings, segments, mailer),
                segmentRoutes,
                consoleSegments,
                new LedgerRoutes(ledger, adjustments, invariants, users, auth),
                new PurchaseRoutes(database, purchases, buyers),
                new AdminUserRoutes(database, users, customerImport, clock,
                        ctx -> io.kindred.server.plugins.PluginRoutes.actor(ctx, auth),
                        new io.kindred.server.users.RoleChanges(database, users, audit)),
                new ApiKeyRoutes(apiKeys),
                new io.kindred.server.kpis.KpiRoutes(kpis),
                new PluginRoutes(plugins, installer, new PluginSettings(plugins, settings), audit, auth),
                new JobRoutes(scheduler),
                pluginAssets,
                new EventRoutes(new EventLog(database), dispatcher),
                new WebhookRoutes(webhooks),
                connectorRoutes,
                new ConsoleWebhooks(views, webhooks, settings),
                new OpenApiRoutes(openApi, views),
                new ConsolePages(new ConsolePages.Services(views, theme, auth, database, users, ledger, adjustments,
                        customerImport, plugins, installer, audit, scheduler, apiKeys, dispatcher, settings, ui,
                        config.uploadsDir(), clock))));

        installer.recoverInterruptedUpgrades();
        plugins.startAll();
        dispatcher.start();
        webhookDeliverer.start();
        folderWatcher.start(settings.intValue("plugins.watch-seconds", 2));
        scheduler.schedule("core", "expire-lots", Schedule.every(Duration.ofMinutes(10)), now -> expiry.expireDue(now.toEpochMilli()));
        scheduler.schedule("core", "send-emails", Schedule.every(Duration.ofSeconds(settings.intValue("mail.outbox-seconds", 5))),
                emailOutbox::drain);
        PointsExpiryReminder expiryReminder = new PointsExpiryReminder(database, notificationStore, notifications,
                settings::zone);
        scheduler.schedule("core", "remind-expiring-points", Schedule.dailyAt(LocalTime.of(10, 0)), expiryReminder::run);
        scheduler.schedule("core", "send-digests", Schedule.dailyAt(LocalTime.parse(settings.raw("notifications.digest-time")
                .filter(t -> t.matches("([01]\\d|2[0-3]):[0-5]\\d")).orElse("19:00"))), notifications::queueDigests);
        scheduler.schedule("core", "deliver-broadcasts",
                Schedule.every(Duration.ofSeconds(settings.intValue("broadcasts.seconds", 5))), broadcasts::deliver);
        scheduler.schedule("core", "purge-sessions", Schedule.dailyAt(LocalTime.of(4, 0)), now -> sessions.purgeExpired());
        scheduler.schedule("core", "purge-password-resets", Schedule.dailyAt(LocalTime.of(4, 10)), now -> resets.purgeExpired());

        int port = config.port();
        // Beside the port opening: hashing the environment administrator's password on a cold JIT costs seconds of
        // CPU at a first start. Sign-in waits for it, so whoever waits for /healthz can sign in as that administrator.
        this.adminReady = setup.bootstrapInBackground(Optional.ofNullable(o.env().get("KINDRED_ADMIN_EMAIL")),
                Optional.ofNullable(o.env().get("KINDRED_ADMIN_PASSWORD")), baseUrl(port));
        accounts.holdSignInUntil(adminReady);
        http.start(port);
        // On PostgreSQL the line names the database (its address without parameters: no password in the log).
        String database = db.dialect().equals("postgresql")
                ? ", database " + config.dbUrl().replaceFirst("^jdbc:postgresql:(//)?", "").replaceFirst("\\?.*$", "") : "";
        log.info("Kindred {} ready on {} in {} ms (data: {}{}, {} plugins started)", version(), baseUrl(http.port()),
                (System.nanoTime() - started) / 1_000_000, config.dataDir(), database,
                plugins.list().stream().filter(p -> p.started()).count());
    }

    private String baseUrl(int port) {
        return settings.raw("site.url").orElse("http://localhost:" + port);
    }

    public static Kindred start(Options options) throws IOException {
        return new Kindred(options);
    }

    public int port() {
        return http.port();
    }

    /** @return the version plugins' {@code Plugin-Requires} is checked against (0.0.0, which accepts all, when unknown) */
    static String systemVersion() {
        String v = version();
        return v.matches("\\d+\\.\\d+\\.\\d+.*") ? v.replaceAll("-.*$", "") : "0.0.0";
    }

    public static String version() {
        try (InputStream in = Kindred.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** Stops in reverse order; safe to call twice. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Kindred stopping: finishing requests in flight");
        http.stop();
        folderWatcher.stop();
        dispatcher.stop();
        webhookDeliverer.stop();
        scheduler.shutdown();
        mailer.close();
        plugins.stopAll();
        awaitAdministrator();
        String writes = db.writeStats().filter(w -> w.commits() > 0)
                .map(w -> String.format(java.util.Locale.ROOT, " (%,d writes in %,d commits since the start, %.1f per commit)",
                        w.writes(), w.commits(), (double) w.writes() / w.commits()))
                .orElse("");
        db.close();
        log.info("Kindred stopped{}", writes);
    }

    /**
     * The environment administrator is created beside the start (its password hash takes seconds): a stop right
     * after a start lets it finish before the database closes, so that nothing writes after the stop (the
     * {@code seed} command fills the database as soon as a start-stop has migrated it).
     */
    private void awaitAdministrator() {
        if (adminReady == null) {
            return;
        }
        try {
            adminReady.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("Stopping without the environment administrator: {}", e.toString());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
