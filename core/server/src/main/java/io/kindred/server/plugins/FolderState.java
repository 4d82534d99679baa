package io.kindred.server.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the folder watcher saw of each unknown jar: a jar is installed once its size and time stayed the same over
 * two looks (so a copy in progress is not read half-written), and a jar that was refused is not tried again until
 * it changes.
 */
public final class FolderState {

    private record Seen(long size, long modified) {
    }

    private final Map<Path, Seen> lastSeen = new HashMap<>();
    private final Map<Path, Seen> rejected = new HashMap<>();

    boolean isSettled(Path jar) {
        Seen now = seen(jar);
        if (now == null || now.equals(rejected.get(jar))) {
            return false;
        }
        Seen before = lastSeen.put(jar, now);
        return now.equals(before);
    }

    void reject(Path jar) {
        Seen now = seen(jar);
        if (now != null) {
            rejected.put(jar, now);
        }
    }

    private static Seen seen(Path jar) {
        try {
            return new Seen(Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException e) {
            return null; // gone meanwhile
        }
    }
}
