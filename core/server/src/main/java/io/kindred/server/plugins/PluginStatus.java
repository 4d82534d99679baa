package io.kindred.server.plugins;

/** Where a plugin stands, as {@code /healthz}, the admin API and the console show it. */
public enum PluginStatus {
    /** Running: its routes, listeners, jobs and pages are live. */
    STARTED,
    /** Not running because the platform is stopping, or it was never started. */
    STOPPED,
    /** Switched off by the operator ({@code plugins/disabled.txt}); its data stays. */
    DISABLED,
    /** It threw while starting, or its jar is unusable; the reason is in {@link PluginInfo#error()}. */
    FAILED,
    /** Enabled, but a plugin it depends on is not started; it starts by itself when that one does. */
    WAITING;

    /** @return true for {@link #STARTED} */
    public boolean isStarted() {
        return this == STARTED;
    }
}
