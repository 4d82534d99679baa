package io.kindred.api;

import io.kindred.api.db.Database;
import io.kindred.api.events.EventHandler;
import io.kindred.api.events.Events;
import io.kindred.api.events.Replay;
import io.kindred.api.jobs.Job;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.api.ledger.Ledger;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.Settings;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.users.Members;
import io.kindred.api.web.Images;
import io.kindred.api.web.Routes;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What the host offers a started plugin, and where the plugin registers its contributions.
 *
 * <p>Everything registered here belongs to the plugin's current run: the host removes it all when the
 * plugin is stopped or disabled. Services obtained here ({@link #db()}, {@link #ledger()}, …) are safe to
 * keep in fields for the lifetime of the run.
 *
 * <pre>{@code
 * ctx.asset(AssetDefinition.of("stars"));
 * ctx.on("purchase.recorded", "stars-for-purchases", (event, tx) -> ...);
 * }</pre>
 */
public interface PluginContext {

    /** @return the plugin's id, from its descriptor */
    String pluginId();

    /** @return the plugin's version, from its descriptor */
    String pluginVersion();

    // ---- services of the core ----

    /** @return the database, with transactions that are safe under concurrent writers */
    Database db();

    /** @return the double-entry ledger */
    Ledger ledger();

    /** @return the event outbox, to publish events in the same transaction as a change */
    Events events();

    /** @return read access to members */
    Members members();

    /** @return typed settings, the site's and this plugin's */
    Settings settings();

    /** @return the platform clock; use it instead of {@code Instant.now()} so tests can move time */
    Clock clock();

    /** @return the site's time zone, in which "days" are counted (setting {@code site.timezone}) */
    ZoneId siteZone();

    /**
     * Today in the site's time zone, by the platform clock: the day a check-in, a birthday or a monthly limit
     * counts in.
     *
     * <pre>{@code
     * LocalDate day = ctx.today();
     * }</pre>
     *
     * @return the current date where the site is
     */
    default java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(clock().instant(), siteZone());
    }

    /** @return where to store pictures uploaded to the plugin, served under {@code /uploads/} */
    Images images();

    /**
     * @return full addresses, QR codes and share posters of the site's pages, the same for every plugin
     * (see {@link io.kindred.api.share.Sharing}; pages use the theme's {@code share} partial)
     */
    default io.kindred.api.share.Sharing sharing() {
        throw new UnsupportedOperationException("this host does not share pages");
    }

    /** @return services that plugins (this one included) offer each other */
    Services services();

    /**
     * Notifications to members, in-site and by email; the types must be declared first.
     *
     * <pre>{@code
     * ctx.notifications().send(tx, userId, "shop.redemption_shipped", Map.of("item", name), "/shop", "shipped:" + id);
     * }</pre>
     *
     * @return the notification service
     */
    io.kindred.api.notifications.Notifications notifications();

    /**
     * The audit log, for what operators do through the plugin's console or admin API.
     *
     * <pre>{@code
     * ctx.audit().record(tx, operator, "community.post_hidden", "community:post:" + id, "Hidden after 3 reports.");
     * }</pre>
     *
     * @return the platform's audit log
     */
    io.kindred.api.audit.Audit audit();

    /**
     * Seals sensitive fields (identity numbers) before they are stored, with the site's key from the data
     * directory; see {@link io.kindred.api.crypto.Vault}.
     *
     * <pre>{@code
     * String sealed = ctx.vault().seal(idNumber);
     * String masked = ctx.vault().mask(ctx.vault().open(sealed));
     * }</pre>
     *
     * @return the platform's vault
     */
    io.kindred.api.crypto.Vault vault();

    // ---- contributions ----

    /**
     * Runs the numbered SQL files found in the plugin jar under {@code folder} ({@code V1__init.sql}, …),
     * once each, in order, before anything else of the plugin runs. A file named
     * {@code V2__x.postgresql.sql} or {@code V2__x.sqlite.sql} replaces {@code V2__x.sql} for that dialect.
     *
     * @param folder resource folder inside the plugin jar, e.g. {@code "db/welcome"}
     */
    void migrations(String folder);

    /**
     * Registers (or updates) a ledger asset this plugin owns.
     *
     * @param asset the asset's code and rules
     */
    void asset(AssetDefinition asset);

    /**
     * Subscribes to events of one type. The handler runs in a transaction that also advances the
     * subscriber's cursor, so its database effects happen exactly once per event.
     *
     * @param eventType e.g. {@code "user.registered"}
     * @param name      stable name of this subscription inside the plugin; the cursor is kept under it
     * @param handler   what to do with each event
     */
    default void on(String eventType, String name, EventHandler handler) {
        on(eventType, name, Replay.FROM_NOW, handler);
    }

    /**
     * Subscribes to events of one type, choosing where a brand-new subscriber starts. May also be called while the
     * plugin runs (after {@link KindredPlugin#contribute}), e.g. when an operator makes a task that reads a new event
     * type: the subscription then starts at once, and ends with the run like the others.
     *
     * @param eventType e.g. {@code "purchase.recorded"}
     * @param name      stable name of this subscription inside the plugin
     * @param replay    where a subscriber without a cursor starts: now, or the first event ever written
     * @param handler   what to do with each event
     */
    void on(String eventType, String name, Replay replay, EventHandler handler);

    /** @return where this plugin registers its HTTP routes (API, member pages, console pages) */
    Routes routes();

    /**
     * Declares a typed setting with its default and validation; the console renders it as a form field.
     *
     * @param definition the setting
     * @param <T>        its value type
     * @return the same definition, for use with {@link Settings#get(SettingDefinition)}
     */
    <T> SettingDefinition<T> setting(SettingDefinition<T> definition);

    /**
     * Adds an entry to the member navigation or the console navigation.
     *
     * @param entry the entry
     */
    void nav(NavEntry entry);

    /**
     * Adds a yes/no choice to the member's account page (stored by the core).
     *
     * @param preference the preference
     */
    void preference(io.kindred.api.users.MemberPreference preference);

    /**
     * Declares a kind of notification this plugin sends; its title and body come from this plugin's bundles.
     *
     * <pre>{@code
     * ctx.notificationType(NotificationType.of("shop.redemption_shipped"));
     * }</pre>
     *
     * @param type the type; its code is unique on the platform and starts with the plugin id
     */
    void notificationType(io.kindred.api.notifications.NotificationType type);

    /**
     * Adds a widget to the member home page.
     *
     * @param widget the widget
     */
    void widget(Widget widget);

    /**
     * Adds a section to the member's account page, above the profile forms (e.g. the membership card).
     * A section is built like a home widget: a template of the plugin and its variables for the viewer.
     * Sections come in {@code order}, smaller first; one that fails is left out and logged.
     *
     * @param section the section; its id is unique among account sections
     */
    void accountSection(Widget section);

    /**
     * Offers a benefit (权益) that membership tiers and paid plans can list. The membership plugin shows the
     * benefits of started plugins to the operator and to members; this plugin honours its benefit by asking
     * {@link io.kindred.api.membership.MembershipService#hasBenefit(long, String)}.
     *
     * @param benefit the benefit; its code is unique on the platform
     */
    void benefit(io.kindred.api.membership.Benefit benefit);

    /**
     * @return the benefits offered by the plugins started now (this plugin's own included), in the order
     * they were declared; a benefit disappears while the plugin offering it is disabled
     */
    java.util.List<io.kindred.api.membership.Benefit> benefits();

    /**
     * Offers a kind of task (任务类型) to the task centre of the activities plugin: operators make tasks from it and
     * members' progress is read from this plugin's events. The kind is gone while this plugin is not started.
     *
     * <pre>{@code
     * ctx.taskKind(TaskKind.of("checkin.streak", "Check in {target} days in a row", "checkin.recorded",
     *         (event, params) -> Optional.of(TaskProgress.set(event.userId(), event.longValue("streak")))));
     * }</pre>
     *
     * @param kind the kind; its code is unique on the platform
     */
    default void taskKind(io.kindred.api.tasks.TaskKind kind) {
        throw new UnsupportedOperationException("this host offers no task kinds");
    }

    /**
     * Adds a step to the getting-started checklist on the console's dashboard, ticking itself when done (see
     * {@link io.kindred.api.ui.SetupStep}).
     *
     * <pre>{@code
     * ctx.setupStep(new SetupStep("shop.first-item", "shop.setup.firstItem", "/console/shop", () -> items.count() > 0));
     * }</pre>
     *
     * @param step the step; its code is unique on the platform
     */
    default void setupStep(io.kindred.api.ui.SetupStep step) {
        throw new UnsupportedOperationException("this host has no getting-started checklist");
    }

    /**
     * Declares what this plugin holds about members, for their data export and the erasure of their account (see
     * {@link io.kindred.api.privacy.PersonalData}). Every plugin that stores anything about a member beyond their id
     * declares one.
     *
     * @param data the plugin's part; its section is unique on the platform
     */
    default void personalData(io.kindred.api.privacy.PersonalData data) {
        throw new UnsupportedOperationException("this host keeps no personal data register");
    }

    /**
     * @return the task kinds offered by the plugins started now, in the order they were declared; read it when needed
     * (not once at start): plugins that start later, or are switched off and on, change it
     */
    default java.util.List<io.kindred.api.tasks.TaskKind> taskKinds() {
        return java.util.List.of();
    }

    /**
     * Adds a filter over members to segments (分层): operators can then screen members by it on
     * {@code GET /api/v1/admin/users?<name>=...}, in saved segments and in the console. Gone while the plugin is stopped.
     *
     * <pre>{@code
     * ctx.memberFilter(MemberFilter.of("tier", "Tier", v -> MemberIds.of("SELECT user_id FROM t WHERE tier = :t", Map.of("t", v))));
     * }</pre>
     *
     * @param filter the filter; its name is unique on the platform
     */
    void memberFilter(io.kindred.api.segments.MemberFilter filter);

    /**
     * Declares where this plugin's Pebble templates are, inside its jar. Templates are then named
     * {@code "<pluginId>/<file>"}; a theme may override any of them. Default folder: {@code templates}.
     *
     * @param folder resource folder inside the plugin jar
     */
    void templates(String folder);

    /**
     * Renders one of the plugin's templates to text instead of to a page, looked up like a page's (the active theme,
     * then the bundled theme, then the plugin's own), with the same functions ({@code t()}, {@code asset()}) in
     * {@code locale}. For what a theme should be able to restyle that is not a page: a poster's layout, the text of
     * a file to download. Output is HTML-escaped unless the template says {@code | raw}.
     *
     * <pre>{@code
     * String layout = ctx.renderText("distribution/poster", Map.of("code", code), x.locale());
     * }</pre>
     *
     * @param template the template's name, e.g. {@code distribution/poster}
     * @param model    its variables
     * @param locale   the language of {@code t()}
     * @return the rendered text
     */
    String renderText(String template, java.util.Map<String, ?> model, java.util.Locale locale);

    /**
     * Declares this plugin's message bundle base name inside its jar, e.g. {@code "messages/checkin"} for
     * {@code messages/checkin.properties} and {@code messages/checkin_zh_CN.properties}.
     *
     * @param baseName bundle base name
     */
    void messages(String baseName);

    /**
     * Serves the plugin's static files (CSS, JS, images, fonts) found under {@code folder} of its jar at
     * {@code /plugins/<pluginId>/assets/<path>}. Each file also gets a fingerprinted URL (a hash of its bytes in the
     * name) that browsers keep for a year; templates get it with {@code {{ asset('<pluginId>', 'css/x.css') }}}.
     * The files are gone while the plugin is disabled. They come from the site's own origin, so the strict
     * Content-Security-Policy allows them; inline scripts and styles stay forbidden.
     *
     * <pre>{@code
     * ctx.assets("assets");               // src/main/resources/assets/css/badges.css -> .../assets/css/badges.css
     * ctx.stylesheet("css/badges.css");
     * }</pre>
     *
     * @param folder resource folder inside the plugin jar
     */
    void assets(String folder);

    /**
     * Links one of the plugin's assets as a stylesheet from the head of every page (member pages and console),
     * after the theme's own. Needs {@link #assets(String)}.
     *
     * @param path the file's path under the assets folder, e.g. {@code "css/badges.css"}
     */
    void stylesheet(String path);

    /**
     * Loads one of the plugin's assets as a deferred script on every page. Needs {@link #assets(String)}.
     *
     * @param path the file's path under the assets folder, e.g. {@code "js/badges.js"}
     */
    void script(String path);

    /**
     * Describes the plugin's JSON API: an OpenAPI 3.1 fragment in the plugin jar (a JSON object with
     * {@code openapi}, {@code info}, {@code paths} and optionally {@code components}) whose paths and components
     * are merged into {@code /api/v1/openapi.json} while the plugin runs and leave it when the plugin stops.
     * Every route under {@code /api/v1/} needs an operation there (the platform's coverage test checks the bundled
     * plugins); a path and method, or a component name, that the core or another plugin already describes fails the
     * plugin's start. Fragments may {@code $ref} the core's shared components (the schema {@code Error}, responses
     * such as {@code #/components/responses/NotFound}, the parameters {@code Cursor} and {@code IdempotencyKey}).
     *
     * <pre>{@code
     * ctx.routes().post("/api/v1/checkins", Access.MEMBER, checkins::checkIn);
     * ctx.openApi("openapi/checkin.json");
     * }</pre>
     *
     * @param resource the fragment's resource path inside the plugin jar, e.g. {@code "openapi/checkin.json"}
     */
    void openApi(String resource);

    /**
     * Schedules a job. The host runs it on its own thread, never twice at once, and stops it with the plugin.
     * An operator can also run it now, from the console or with
     * {@code POST /api/v1/admin/jobs/<pluginId>/<name>/run}, which answers the count the job returns.
     *
     * @param name     stable name, shown in logs
     * @param schedule when to run
     * @param job      what to run
     */
    void job(String name, Schedule schedule, Job job);

    /**
     * Offers a service to other plugins. The type must be an interface of kindred-api so that every
     * plugin sees the same type.
     *
     * @param type           the service interface
     * @param implementation this plugin's implementation
     * @param <T>            the service type
     */
    <T> void provide(Class<T> type, T implementation);
}
