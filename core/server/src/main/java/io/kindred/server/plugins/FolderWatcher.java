package io.kindred.server.plugins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at {@code plugins/} every few seconds (setting {@code plugins.watch-seconds}, 0 = never): a jar copied in
 * is installed or upgrades its plugin, a jar deleted removes its plugin (data kept), without a restart.
 */
public final class FolderWatcher {

    private static final Logger log = LoggerFactory.getLogger("kindred.plugins");

    private final PluginInstaller installer;
    private final FolderState state = new FolderState();
    private ScheduledExecutorService executor;

    public FolderWatcher(PluginInstaller installer) {
        this.installer = installer;
    }

    public synchronized void start(int everySeconds) {
        if (everySeconds <= 0 || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kindred-plugin-folder");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                installer.scanFolder(state);
            } catch (RuntimeException e) {
                log.error("Looking at the plugins folder failed: {}", String.valueOf(e).replaceAll("\\s+", " "));
            }
        }, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
