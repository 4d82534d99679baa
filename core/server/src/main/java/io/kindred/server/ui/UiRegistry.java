package io.kindred.server.ui;

import io.kindred.api.membership.Benefit;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;

import java.util.Comparator;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Navigation entries, home widgets, template folders and message bundles contributed by started plugins.
 * Everything is kept under its owner and dropped when the owner stops.
 */
public final class UiRegistry {

    /** A contribution and the plugin it came from. */
    public record Owned<T>(String owner, T value, ClassLoader loader) {
    }

    private final List<Owned<NavEntry>> nav = new CopyOnWriteArrayList<>();
    private final List<Owned<Widget>> widgets = new CopyOnWriteArrayList<>();
    private final List<Owned<Widget>> accountSections = new CopyOnWriteArrayList<>();
    private final List<Owned<Benefit>> benefits = new CopyOnWriteArrayList<>();
    private final List<Owned<io.kindred.api.tasks.TaskKind>> taskKinds = new CopyOnWriteArrayList<>();
    private final List<Owned<io.kindred.api.ui.SetupStep>> setupSteps = new CopyOnWriteArrayList<>();
    private final List<Owned<io.kindred.api.segments.MemberFilter>> memberFilters = new CopyOnWriteArrayList<>();
    private final List<Owned<io.kindred.api.privacy.PersonalData>> personalData = new CopyOnWriteArrayList<>();
    private final List<Owned<String>> templateFolders = new CopyOnWriteArrayList<>();
    private final List<Owned<io.kindred.api.users.MemberPreference>> preferences = new CopyOnWriteArrayList<>();
    private final List<Owned<String>> messageBundles = new CopyOnWriteArrayList<>();
    private final List<Owned<io.kindred.api.notifications.NotificationType>> notificationTypes = new CopyOnWriteArrayList<>();
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** @return a number that grows whenever a plugin adds or takes away a contribution (menus, widgets, templates...) */
    public long version() {
        return version.get();
    }

    public void addNav(String owner, NavEntry entry) {
        version.incrementAndGet();
        nav.add(new Owned<>(owner, entry, null));
    }

    public void addWidget(String owner, Widget widget) {
        version.incrementAndGet();
        addUnique(widgets, owner, widget, Widget::id, "a widget with id");
    }

    /** Adds a contribution whose key must be unique among those of its kind. */
    private static <T> void addUnique(List<Owned<T>> list, String owner, T value,
                                      java.util.function.Function<T, String> key, String what) {
        String k = key.apply(value);
        if (list.stream().anyMatch(o -> key.apply(o.value()).equals(k))) {
            throw new IllegalArgumentException(what + " " + k + " exists already");
        }
        list.add(new Owned<>(owner, value, null));
    }

    public void addAccountSection(String owner, Widget section) {
        version.incrementAndGet();
        addUnique(accountSections, owner, section, Widget::id, "an account section with id");
    }

    public void addBenefit(String owner, Benefit benefit) {
        version.incrementAndGet();
        addUnique(benefits, owner, benefit, Benefit::code, "a benefit");
    }

    /** @return benefits offered by started plugins, in the order they were declared */
    public List<Benefit> benefits() {
        return benefits.stream().map(Owned::value).toList();
    }

    public void addSetupStep(String owner, io.kindred.api.ui.SetupStep step) {
        version.incrementAndGet();
        addUnique(setupSteps, owner, step, io.kindred.api.ui.SetupStep::code, "a setup step");
    }

    /** @return the getting-started steps of started plugins, in the order they were declared */
    public List<io.kindred.api.ui.SetupStep> setupSteps() {
        return setupSteps.stream().map(Owned::value).toList();
    }

    public void addPersonalData(String owner, io.kindred.api.privacy.PersonalData data) {
        version.incrementAndGet();
        addUnique(personalData, owner, data, io.kindred.api.privacy.PersonalData::section, "a personal data section");
    }

    /** @return what started plugins hold about members, each with the plugin it came from, in start order */
    public List<Owned<io.kindred.api.privacy.PersonalData>> personalData() {
        return List.copyOf(personalData);
    }

    public void addTaskKind(String owner, io.kindred.api.tasks.TaskKind kind) {
        version.incrementAndGet();
        addUnique(taskKinds, owner, kind, io.kindred.api.tasks.TaskKind::code, "a task kind");
    }

    /** @return task kinds offered by started plugins, in the order they were declared */
    public List<io.kindred.api.tasks.TaskKind> taskKinds() {
        return taskKinds.stream().map(Owned::value).toList();
    }

    public void addMemberFilter(String owner, io.kindred.api.segments.MemberFilter filter) {
        version.incrementAndGet();
        if (io.kindred.server.segments.Filters.RESERVED.contains(filter.name())) {
            throw new IllegalArgumentException("a member filter cannot be named " + filter.name() + ": the core's own has that name");
        }
        addUnique(memberFilters, owner, filter, io.kindred.api.segments.MemberFilter::name, "a member filter");
    }

    /** @return member filters of started plugins (segments), with their owners, in the order they were declared */
    public List<Owned<io.kindred.api.segments.MemberFilter>> memberFilters() {
        return List.copyOf(memberFilters);
    }

    /** @return account page sections of started plugins, by their order */
    public List<Owned<Widget>> accountSections() {
        return accountSections.stream().sorted(Comparator.comparingInt(o -> o.value().order())).toList();
    }

    public void addPreference(String owner, io.kindred.api.users.MemberPreference preference) {
        version.incrementAndGet();
        addUnique(preferences, owner, preference, io.kindred.api.users.MemberPreference::key, "a preference");
    }

    /** Preferences of started plugins, for the account page. */
    public List<io.kindred.api.users.MemberPreference> preferences() {
        return preferences.stream().map(Owned::value).toList();
    }

    public void addNotificationType(String owner, io.kindred.api.notifications.NotificationType type) {
        version.incrementAndGet();
        addUnique(notificationTypes, owner, type, io.kindred.api.notifications.NotificationType::code, "a notification type");
    }

    /** @return notification types of the core and of started plugins, in the order they were declared */
    public List<io.kindred.api.notifications.NotificationType> notificationTypes() {
        return notificationTypes.stream().map(Owned::value).toList();
    }

    /** @return the declared notification type with that code, while its owner runs */
    public java.util.Optional<io.kindred.api.notifications.NotificationType> notificationType(String code) {
        return notificationTypes.stream().map(Owned::value).filter(t -> t.code().equals(code)).findFirst();
    }

    public void addTemplates(String owner, ClassLoader loader, String folder) {
        version.incrementAndGet();
        templateFolders.add(new Owned<>(owner, folder, loader));
        changed();
    }

    public void addMessages(String owner, ClassLoader loader, String baseName) {
        version.incrementAndGet();
        messageBundles.add(new Owned<>(owner, baseName, loader));
        changed();
    }

    public void removeAll(String owner) {
        version.incrementAndGet();
        // The JDK's bundle cache is keyed by class loader; drop the owner's entries with its bundles.
        messageBundles.stream().filter(o -> o.owner().equals(owner)).map(Owned::loader).distinct()
                .forEach(ResourceBundle::clearCache);
        nav.removeIf(o -> o.owner().equals(owner));
        widgets.removeIf(o -> o.owner().equals(owner));
        accountSections.removeIf(o -> o.owner().equals(owner));
        benefits.removeIf(o -> o.owner().equals(owner));
        taskKinds.removeIf(o -> o.owner().equals(owner));
        setupSteps.removeIf(o -> o.owner().equals(owner));
        personalData.removeIf(o -> o.owner().equals(owner));
        memberFilters.removeIf(o -> o.owner().equals(owner));
        preferences.removeIf(o -> o.owner().equals(owner));
        notificationTypes.removeIf(o -> o.owner().equals(owner));
        templateFolders.removeIf(o -> o.owner().equals(owner));
        messageBundles.removeIf(o -> o.owner().equals(owner));
        changed();
    }

    /** Registers what to do (e.g. clear template caches) when template or message sources change. */
    public void onChange(Runnable r) {
        onChange.add(r);
    }

    private void changed() {
        onChange.forEach(Runnable::run);
    }

    /** @return the label key of a started plugin's console entry, else of its member entry: how operators name it */
    public java.util.Optional<String> navLabelKey(String owner) {
        return nav.stream().filter(o -> o.owner().equals(owner))
                .sorted(Comparator.comparingInt(o -> o.value().place() == NavEntry.Place.CONSOLE ? 0 : 1))
                .map(o -> o.value().labelKey()).findFirst();
    }

    public List<NavEntry> nav(NavEntry.Place place) {
        return nav.stream().map(Owned::value).filter(n -> n.place() == place)
                .sorted(Comparator.comparingInt(NavEntry::order)).toList();
    }

    public List<Owned<Widget>> widgets() {
        return widgets.stream().sorted(Comparator.comparingInt(o -> o.value().order())).toList();
    }

    public List<Owned<String>> templateFolders() {
        return List.copyOf(templateFolders);
    }

    public List<Owned<String>> messageBundles() {
        return List.copyOf(messageBundles);
    }
}
