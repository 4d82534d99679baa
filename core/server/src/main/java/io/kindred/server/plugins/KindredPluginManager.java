package io.kindred.server.plugins;

import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginStatusProvider;

import java.nio.file.Path;
import java.util.List;

/** PF4J's manager, with the few protected parts the host needs opened up. */
final class KindredPluginManager extends DefaultPluginManager {

    KindredPluginManager(Path pluginsDir) {
        super(List.of(pluginsDir));
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
}
