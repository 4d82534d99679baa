package io.kindred.server.plugins;

import io.kindred.api.PluginContext;
import io.kindred.api.Services;
import io.kindred.api.db.Database;
import io.kindred.api.events.EventHandler;
import io.kindred.api.events.Events;
import io.kindred.api.events.Replay;
import io.kindred.api.jobs.Job;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.api.ledger.Ledger;
import io.kindred.api.membership.Benefit;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.Settings;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.users.Members;
import io.kindred.api.web.Access;
import io.kindred.api.web.Handler;
import io.kindred.api.web.Images;
import io.kindred.api.web.Routes;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of a plugin: the context handed to {@code contribute}, which records the plugin's declarations.
 * The host then applies them in a fixed order (migrations first) and undoes them all when the run ends.
 */
final class PluginRun implements PluginContext {

    record RouteDecl(String method, String path, Access access, io.kindred.api.web.Scope scope, Handler handler) {
    }

    record SubscriptionDecl(String eventType, String name, Replay replay, EventHandler handler) {
    }

    record JobDecl(String name, Schedule schedule, Job job) {
    }

    record ServiceDecl(Class<?> type, Object implementation) {
    }

    final List<String> migrationFolders = new ArrayList<>();
    final List<AssetDefinition> assets = new ArrayList<>();
    final List<SubscriptionDecl> subscriptions = new ArrayList<>();
    final List<RouteDecl> routes = new ArrayList<>();
    final List<SettingDefinition<?>> settingDefs = new ArrayList<>();
    final List<NavEntry> navEntries = new ArrayList<>();
    final List<Widget> widgets = new ArrayList<>();
    final List<Widget> accountSections = new ArrayList<>();
    final List<Benefit> benefits = new ArrayList<>();
    final List<io.kindred.api.tasks.TaskKind> taskKinds = new ArrayList<>();
    final List<io.kindred.api.ui.SetupStep> setupSteps = new ArrayList<>();
    final List<io.kindred.api.privacy.PersonalData> personalData = new ArrayList<>();
    /** Set by the host once the run is applied: subscriptions made from then on start at once. */
    volatile java.util.function.Consumer<SubscriptionDecl> liveSubscriptions;
    final List<io.kindred.api.segments.MemberFilter> memberFilters = new ArrayList<>();
    final List<io.kindred.api.users.MemberPreference> preferences = new ArrayList<>();
    final List<String> messageBases = new ArrayList<>();
    final List<io.kindred.api.notifications.NotificationType> notificationTypes = new ArrayList<>();
    final List<JobDecl> jobs = new ArrayList<>();
    final List<ServiceDecl> provided = new ArrayList<>();
    final List<String> pageStyles = new ArrayList<>();
    final List<String> pageScripts = new ArrayList<>();
    final List<String> openApiResources = new ArrayList<>();
    String templateFolder = "templates";
    String assetFolder;

    private final String id;
    private final String version;
    private final Platform.PluginServices services;

    PluginRun(String id, String version, Platform.PluginServices services) {
        this.id = id;
        this.version = version;
        this.services = services;
    }

    @Override
    public String pluginId() {
        return id;
    }

    @Override
    public String pluginVersion() {
        return version;
    }

    @Override
    public Database db() {
        return services.db();
    }

    @Override
    public Ledger ledger() {
        return services.ledger();
    }

    @Override
    public Events events() {
        return services.events();
    }

    @Override
    public Members members() {
        return services.members();
    }

    @Override
    public Settings settings() {
        return services.settings().forPlugin(id);
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public ZoneId siteZone() {
        return services.settings().zone();
    }

    @Override
    public Images images() {
        return services.images();
    }

    @Override
    public Services services() {
        return services.registry();
    }

    @Override
    public void migrations(String folder) {
        migrationFolders.add(folder);
    }

    @Override
    public void asset(AssetDefinition asset) {
        assets.add(asset);
    }

    @Override
    public void on(String eventType, String name, Replay replay, EventHandler handler) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("a subscription name is lower case letters, digits, . _ - : " + name);
        }
        SubscriptionDecl decl = new SubscriptionDecl(eventType, name, replay, handler);
        java.util.function.Consumer<SubscriptionDecl> live = liveSubscriptions;
        if (live != null) {
            live.accept(decl);
        } else {
            subscriptions.add(decl);
        }
    }

    @Override
    public Routes routes() {
        return routes(io.kindred.api.web.Scope.ADMIN);
    }

    private Routes routes(io.kindred.api.web.Scope scope) {
        return new Routes() {
            @Override
            public void get(String path, Access access, Handler handler) {
                routes.add(new RouteDecl("GET", path, access, scope, handler));
            }

            @Override
            public void post(String path, Access access, Handler handler) {
                routes.add(new RouteDecl("POST", path, access, scope, handler));
            }

            @Override
            public void put(String path, Access access, Handler handler) {
                routes.add(new RouteDecl("PUT", path, access, scope, handler));
            }

            @Override
            public void patch(String path, Access access, Handler handler) {
                routes.add(new RouteDecl("PATCH", path, access, scope, handler));
            }

            @Override
            public void delete(String path, Access access, Handler handler) {
                routes.add(new RouteDecl("DELETE", path, access, scope, handler));
            }

            @Override
            public Routes scoped(io.kindred.api.web.Scope narrower) {
                return routes(java.util.Objects.requireNonNull(narrower, "scope"));
            }
        };
    }

    @Override
    public <T> SettingDefinition<T> setting(SettingDefinition<T> definition) {
        settingDefs.add(definition);
        return definition;
    }

    @Override
    public void nav(NavEntry entry) {
        navEntries.add(entry);
    }

    @Override
    public void preference(io.kindred.api.users.MemberPreference preference) {
        preferences.add(preference);
    }

    @Override
    public io.kindred.api.notifications.Notifications notifications() {
        return services.notifications();
    }

    @Override
    public io.kindred.api.audit.Audit audit() {
        return services.audit();
    }

    @Override
    public io.kindred.api.share.Sharing sharing() {
        return services.sharing();
    }

    @Override
    public io.kindred.api.crypto.Vault vault() {
        return services.vault();
    }

    @Override
    public String renderText(String template, java.util.Map<String, ?> model, java.util.Locale locale) {
        return services.theme().render(template, new java.util.HashMap<>(model), locale);
    }

    @Override
    public void notificationType(io.kindred.api.notifications.NotificationType type) {
        if (!type.code().startsWith(id + ".")) {
            throw new IllegalArgumentException("a notification type of plugin " + id + " starts with '" + id + ".': "
                    + type.code());
        }
        notificationTypes.add(type);
    }

    @Override
    public void widget(Widget widget) {
        widgets.add(widget);
    }

    @Override
    public void accountSection(Widget section) {
        accountSections.add(section);
    }

    @Override
    public void benefit(Benefit benefit) {
        benefits.add(benefit);
    }

    @Override
    public void memberFilter(io.kindred.api.segments.MemberFilter filter) {
        memberFilters.add(filter);
    }

    @Override
    public void setupStep(io.kindred.api.ui.SetupStep step) {
        setupSteps.add(step);
    }

    @Override
    public void personalData(io.kindred.api.privacy.PersonalData data) {
        personalData.add(data);
    }

    @Override
    public void taskKind(io.kindred.api.tasks.TaskKind kind) {
        taskKinds.add(kind);
    }

    @Override
    public List<io.kindred.api.tasks.TaskKind> taskKinds() {
        return services.taskKinds().get();
    }

    @Override
    public List<Benefit> benefits() {
        return services.benefits().get();
    }

    @Override
    public void templates(String folder) {
        templateFolder = folder;
    }

    @Override
    public void messages(String baseName) {
        messageBases.add(baseName);
    }

    @Override
    public void assets(String folder) {
        assetFolder = folder;
    }

    @Override
    public void stylesheet(String path) {
        pageStyles.add(path);
    }

    @Override
    public void script(String path) {
        pageScripts.add(path);
    }

    @Override
    public void job(String name, Schedule schedule, Job job) {
        jobs.add(new JobDecl(name, schedule, job));
    }

    @Override
    public <T> void provide(Class<T> type, T implementation) {
        provided.add(new ServiceDecl(type, implementation));
    }

    @Override
    public void openApi(String resource) {
        openApiResources.add(resource);
    }
}
