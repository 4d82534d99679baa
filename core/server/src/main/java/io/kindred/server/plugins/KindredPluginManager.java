package io.kindred.server.plugins;

import io.kindred.api.KindredPlugin;
import org.pf4j.DefaultPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;

/** PF4J's manager, with the few protected parts the host needs opened up. */
final class KindredPluginManager extends DefaultPluginManager {

    KindredPluginManager(Path pluginsDir, String systemVersion) {
        super(List.of(pluginsDir));
        setSystemVersion(systemVersion);
        // A plugin whose dependency is missing must not stop the others from loading: the host marks it WAITING.
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    /**
     * @return whether this platform's version satisfies the descriptor's {@code Plugin-Requires} (none or
     * {@code *} always does; {@code 1.2.0} means {@code >=1.2.0})
     */
    boolean isCompatible(PluginDescriptor d) {
        String requires = d.getRequires() == null ? "" : d.getRequires().trim();
        if (requires.isEmpty() || requires.equals("*") || getSystemVersion().equals("0.0.0")) {
            return true;
        }
        if (requires.matches("^\\d+\\.\\d+\\.\\d+$")) {
            requires = ">=" + requires;
        }
        try {
            return getVersionManager().checkVersionConstraint(getSystemVersion(), requires);
        } catch (RuntimeException e) {
            return false; // an expression the version manager cannot read
        }
    }

    PluginStatusProvider statusProvider() {
        return pluginStatusProvider;
    }

    /** Reads a jar's descriptor without loading it. */
    PluginDescriptor describe(Path jar) {
        return getPluginDescriptorFinder().find(jar);
    }

    List<Path> pluginPaths() {
        return pluginRepository.getPluginPaths();
    }

    /**
     * PF4J's own factory logs a stack trace and returns null for a bad {@code Plugin-Class}, which then
     * surfaces as a NullPointerException; this one throws a sentence the host logs in one line.
     */
    @Override
    protected PluginFactory createPluginFactory() {
        return KindredPluginManager::instantiate;
    }

    private static Plugin instantiate(PluginWrapper w) {
        String name = w.getDescriptor().getPluginClass();
        if (name == null || name.isBlank()) {
            throw new PluginRuntimeException("its manifest names no Plugin-Class");
        }
        Class<?> type;
        try {
            type = w.getPluginClassLoader().loadClass(name);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginRuntimeException("its Plugin-Class " + name + " cannot be loaded from its jar (" + e + ")");
        }
        if (!KindredPlugin.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new PluginRuntimeException("its Plugin-Class " + name + " is not a concrete io.kindred.api.KindredPlugin");
        }
        try {
            return (Plugin) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new PluginRuntimeException("its Plugin-Class " + name + " has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException("its Plugin-Class " + name + " failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PluginRuntimeException("its Plugin-Class " + name + " cannot be created: " + e);
        }
    }
}
