package io.kindred.server.plugins;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.db.Migrations;
import org.pf4j.PluginDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarFile;

/**
 * Installs, upgrades and removes plugins while Kindred runs. A jar (uploaded, or dropped into {@code plugins/})
 * is checked first: a PF4J plugin of this platform ({@code Plugin-Id}, {@code Plugin-Version}, a
 * {@code Plugin-Class} present in the jar), a {@code Plugin-Requires} this version satisfies, an id not taken
 * unless the jar is a newer version, a size within {@code plugins.max-upload-bytes}. A new plugin is then loaded
 * and started; a newer version replaces the running one (its migrations run as it starts) and, should it fail
 * to start, the old jar is put back and started again. Removing keeps the plugin's tables unless the operator
 * asks to drop them. Every act is in the audit log.
 */
public final class PluginInstaller {

    private static final Logger log = LoggerFactory.getLogger("kindred.plugins");
    private static final String ID = "[a-z0-9][a-z0-9_-]{0,39}";

    /** What an install did. */
    public record Outcome(PluginInfo plugin, String previousVersion) {

        public boolean upgraded() {
            return previousVersion != null;
        }
    }

    private final PluginHost host;
    private final Path pluginsDir;
    private final Migrations migrations;
    private final Database db;
    private final AuditLog audit;
    private final long maxBytes;

    public PluginInstaller(PluginHost host, Path pluginsDir, Migrations migrations, Database db, AuditLog audit, long maxBytes) {
        this.host = host;
        this.pluginsDir = pluginsDir;
        this.migrations = migrations;
        this.db = db;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /**
     * Installs a new plugin, or upgrades an installed one to the jar's newer version.
     *
     * @param jar   the jar's bytes, as uploaded
     * @param actor who asks, for the audit log
     */
    public synchronized Outcome install(InputStream jar, String actor) {
        Path incoming = receive(jar);
        try {
            return installFile(incoming, actor, true);
        } finally {
            deleteQuietly(incoming);
        }
    }

    /**
     * @param moveIn true for an uploaded file (moved into the plugins folder under a name of its own), false for a
     *               jar that is already in the folder
     */
    private Outcome installFile(Path jar, String actor, boolean moveIn) {
        PluginDescriptor d = check(jar);
        Optional<PluginInfo> installed = host.find(d.getPluginId());
        if (installed.isPresent()) {
            return upgrade(installed.get(), d, jar, actor, moveIn);
        }
        Path target = moveIn ? moveInto(jar, d) : jar;
        PluginInfo info = host.add(target);
        if (info.state() == PluginStatus.FAILED) {
            host.forget(info.id());
            deleteQuietly(target);
            audit.record(actor, "plugin.install_failed", "plugin:" + d.getPluginId(),
                    "Installing " + label(d) + " failed: " + info.error());
            throw new KindredException(CoreError.PLUGIN_FAILED,
                    "The plugin " + label(d) + " failed to start and was not installed: " + info.error());
        }
        audit.record(actor, "plugin.installed", "plugin:" + info.id(), "Installed " + label(d) + " (" + info.state() + ").");
        return new Outcome(info, null);
    }

    private Outcome upgrade(PluginInfo old, PluginDescriptor d, Path jar, String actor, boolean moveIn) {
        if (host.compareVersions(d.getVersion(), old.version()) <= 0) {
            throw new KindredException(CoreError.PLUGIN_EXISTS, "The plugin " + old.id() + " " + old.version()
                    + " is installed; upload a newer version to upgrade it.");
        }
        Path oldJar = host.jarOf(old.id()).orElseThrow();
        List<String> dependents = host.suspend(old.id());
        Path backup = previousFolder().resolve(oldJar.getFileName());
        forgetPrevious(old.id());
        move(oldJar, backup); // a crash from here until the new jar is in place: recoverInterruptedUpgrades
        Path newJar = moveIn ? moveInto(jar, d) : jar;
        PluginInfo now = host.resume(old.id(), newJar);
        if (now.state() == PluginStatus.FAILED) {
            String reason = now.error();
            host.suspend(old.id());
            deleteQuietly(newJar);
            move(backup, oldJar);
            PluginInfo back = host.resume(old.id(), oldJar);
            host.resumeWaiting();
            audit.record(actor, "plugin.upgrade_failed", "plugin:" + old.id(), "Upgrading " + old.id() + " from "
                    + old.version() + " to " + d.getVersion() + " failed (" + reason + "); " + old.version() + " is "
                    + back.state() + " again.");
            throw new KindredException(CoreError.UPGRADE_FAILED, "The plugin " + label(d) + " failed to start (" + reason
                    + "); version " + old.version() + " runs again.");
        }
        host.resumeWaiting();
        audit.record(actor, "plugin.upgraded", "plugin:" + old.id(), "Upgraded " + old.id() + " from " + old.version()
                + " to " + d.getVersion() + (dependents.isEmpty() ? "" : ", restarting " + String.join(", ", dependents))
                + " (" + now.state() + ").");
        return new Outcome(now, old.version());
    }

    /** Switches a plugin on at once (and the plugins waiting for it), as an operator asks; audited. */
    public PluginInfo enable(String id, String actor) {
        String before = host.find(id).map(PluginInstaller::state).orElse(null);
        PluginInfo p = host.enable(id);
        audit.record(actor, "plugin.enabled", "plugin:" + p.id(), "Enabled " + p.id() + " (" + p.state() + ").",
                before, state(p));
        return p;
    }

    /** @return a plugin's state as the audit log keeps it before and after a switch */
    private static String state(PluginInfo p) {
        return "{\"enabled\":" + p.enabled() + ",\"state\":\"" + p.state() + "\"}";
    }

    /** Switches a plugin off at once (and the plugins needing it), as an operator asks; audited. */
    public PluginInfo disable(String id, String actor) {
        String before = host.find(id).map(PluginInstaller::state).orElse(null);
        PluginInfo p = host.disable(id);
        audit.record(actor, "plugin.disabled", "plugin:" + p.id(), "Disabled " + p.id() + ".", before, state(p));
        return p;
    }

    /**
     * Puts back the jar of a plugin whose upgrade was cut short (the process died after the old jar was moved to
     * {@code plugins/.previous/} and before the new one was in place): a plugin must not vanish because of a
     * crash. Called before the plugins are loaded.
     */
    public synchronized void recoverInterruptedUpgrades() {
        Path previous = pluginsDir.resolve(".previous");
        if (!Files.isDirectory(previous)) {
            return;
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Path jar : jarsIn(pluginsDir)) {
            idOf(jar).ifPresent(present::add);
        }
        for (Path old : jarsIn(previous)) {
            Optional<String> id = idOf(old);
            if (id.isPresent() && present.add(id.get())) {
                move(old, pluginsDir.resolve(old.getFileName()));
                log.warn("plugins/{} put back: an upgrade of {} was interrupted before its new jar was in place",
                        old.getFileName(), id.get());
            }
        }
    }

    private static List<Path> jarsIn(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> idOf(Path jar) {
        try {
            return Optional.ofNullable(host.describe(jar).getPluginId());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Deletes the jars kept from earlier upgrades of a plugin, so that a removed plugin is not put back. */
    private void forgetPrevious(String id) {
        Path previous = pluginsDir.resolve(".previous");
        if (Files.isDirectory(previous)) {
            jarsIn(previous).stream().filter(j -> idOf(j).filter(id::equals).isPresent()).forEach(PluginInstaller::deleteQuietly);
        }
    }

    /**
     * Removes a plugin: stops it, deletes its jar, and with {@code dropData} drops its tables and event cursors.
     *
     * @param confirm the plugin's id typed again by the operator; required to drop data
     * @return the tables dropped
     */
    public synchronized List<String> remove(String id, boolean dropData, String confirm, String actor) {
        PluginInfo info = host.find(id).orElseThrow(() -> new KindredException(CoreError.NOT_FOUND, "There is no plugin '" + id + "'."));
        if (info.bundled()) {
            throw new KindredException(CoreError.BUNDLED_PLUGIN,
                    "The plugin " + id + " ships with Kindred: it can be disabled, not removed.");
        }
        if (dropData && !id.equals(confirm)) {
            throw new KindredException(CoreError.CONFIRMATION_MISMATCH,
                    "To drop the plugin's data, type its id '" + id + "' to confirm.");
        }
        Path jar = host.jarOf(id).orElseThrow();
        host.forget(id);
        deleteQuietly(jar);
        forgetPrevious(id);
        List<String> dropped = List.of();
        if (dropData) {
            dropped = migrations.dropAll("plugin:" + id);
            db.write(h -> h.createUpdate("DELETE FROM event_subscribers WHERE name LIKE :prefix")
                    .bind("prefix", id + ":%").execute());
        }
        audit.record(actor, "plugin.removed", "plugin:" + id, "Removed " + id + " " + info.version()
                + (dropData ? ", dropping its tables " + String.join(", ", dropped) : ", keeping its data") + ".");
        return dropped;
    }

    /**
     * Looks at {@code plugins/} for jars the host does not know (copied in by the operator) and installs them, and
     * forgets plugins whose jar was deleted. Called by the folder watcher.
     */
    public synchronized void scanFolder(FolderState state) {
        List<Path> jars;
        try (var files = Files.list(pluginsDir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            log.warn("The plugins folder cannot be read: {}", e.toString());
            return;
        }
        for (PluginInfo p : host.list()) {
            Optional<Path> jar = host.jarOf(p.id());
            if (jar.isPresent() && !Files.exists(jar.get()) && !p.bundled()) {
                host.forget(p.id());
                forgetPrevious(p.id());
                audit.record("plugins folder", "plugin.removed", "plugin:" + p.id(),
                        "Removed " + p.id() + " " + p.version() + ": its jar was deleted from the plugins folder, its data is kept.");
            }
        }
        for (Path jar : jars) {
            if (host.knows(jar) || !state.isSettled(jar)) {
                continue;
            }
            try {
                Outcome o = installFile(jar, "plugins folder", false);
                log.info("plugins/{} {}: {} {}", jar.getFileName(), o.upgraded() ? "upgraded" : "installed", o.plugin().id(),
                        o.plugin().state());
            } catch (KindredException e) {
                state.reject(jar);
                log.warn("plugins/{} was not installed: {}", jar.getFileName(), e.getMessage());
            }
        }
    }

    /** Checks a jar before anything of it runs; answers 400/422 with a sentence saying what is wrong. */
    PluginDescriptor check(Path jar) {
        PluginDescriptor d;
        try (JarFile ignored = new JarFile(jar.toFile())) {
            d = host.describe(jar);
        } catch (IOException | RuntimeException e) {
            throw new KindredException(CoreError.INVALID_PLUGIN, "This is not a Kindred plugin jar: " + oneLine(e));
        }
        if (d.getPluginId() == null || !d.getPluginId().matches(ID)) {
            throw new KindredException(CoreError.INVALID_PLUGIN,
                    "Its Plugin-Id must be lower-case letters, digits, '-' or '_' (at most 40): " + d.getPluginId());
        }
        if (d.getVersion() == null || d.getVersion().isBlank() || d.getPluginClass() == null || d.getPluginClass().isBlank()) {
            throw new KindredException(CoreError.INVALID_PLUGIN, "Its manifest needs Plugin-Version and Plugin-Class.");
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            if (j.getEntry(d.getPluginClass().replace('.', '/') + ".class") == null) {
                throw new KindredException(CoreError.INVALID_PLUGIN, "Its Plugin-Class " + d.getPluginClass() + " is not in the jar.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!host.isCompatible(d)) {
            throw new KindredException(CoreError.INCOMPATIBLE_PLUGIN, "The plugin " + label(d) + " needs Kindred "
                    + d.getRequires() + "; this is Kindred " + host.systemVersion() + ".");
        }
        return d;
    }

    private Path receive(InputStream in) {
        try {
            Path dir = Files.createDirectories(pluginsDir.resolve(".incoming"));
            Path tmp = dir.resolve(UUID.randomUUID() + ".jar");
            try (InputStream limited = in) {
                byte[] bytes = limited.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new KindredException(CoreError.PLUGIN_TOO_LARGE, "The plugin jar is larger than " + maxBytes + " bytes.");
                }
                Files.write(tmp, bytes);
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path moveInto(Path jar, PluginDescriptor d) {
        Path target = pluginsDir.resolve(d.getPluginId() + "-" + d.getVersion().replaceAll("[^A-Za-z0-9._-]", "_") + ".jar");
        move(jar, target);
        return target;
    }

    private Path previousFolder() {
        try {
            return Files.createDirectories(pluginsDir.resolve(".previous"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("{} could not be deleted: {}", p, e.toString());
        }
    }

    private static String label(PluginDescriptor d) {
        return d.getPluginId() + " " + d.getVersion();
    }

    private static String oneLine(Exception e) {
        return String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage()).replaceAll("\\s+", " ");
    }
}
