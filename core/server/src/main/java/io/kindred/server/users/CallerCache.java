package io.kindred.server.users;

import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every request needs before its handler runs, kept in this process: resolved sessions (by token hash) and the
 * active members they belong to (with roles). Both maps are bounded and least-recently-used; entries are immutable.
 *
 * <p>Never stale: every writer of {@code sessions}, of the cached columns of {@code users} or of {@code user_roles}
 * calls a {@code forget} method (through {@link #forgetUser(Handle, long)} inside its transaction, which forgets at
 * once and again when the transaction commits). A fill is refused when anything was forgotten while its query ran
 * (the {@link #generation()} it started from moved on), so a reader cannot put back a row a writer just changed.
 *
 * <p>Per process: several nodes (issue 22) will need a shared invalidation (e.g. a broadcast of the forgotten ids).
 */
public final class CallerCache {

    /**
     * A session as resolved; times are epoch milliseconds.
     *
     * @param session       what the request sees
     * @param expiresAt     the absolute end
     * @param lastSeenAt    the last stored request time (written at most once a minute)
     * @param staff         whether the member holds a staff role (the shorter idle timeout)
     * @param lastActiveDay the member's last active day as stored, or null
     */
    public record CachedSession(Sessions.Session session, long expiresAt, long lastSeenAt, boolean staff,
                                String lastActiveDay) {

        long userId() {
            return session.userId();
        }
    }

    /** Sessions and members each, by default. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, CachedSession> sessions;
    private final Map<Long, Member> members;
    private final java.util.function.Consumer<Runnable> afterCommit;
    private long generation;

    /** @param afterCommit runs an action once the write in hand on this thread commits ({@code Db::afterCommit}) */
    public CallerCache(int capacity, java.util.function.Consumer<Runnable> afterCommit) {
        this.sessions = lru(capacity);
        this.members = lru(capacity);
        this.afterCommit = afterCommit;
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the counter a fill starts from; it moves on with every forget */
    public synchronized long generation() {
        return generation;
    }

    public synchronized Optional<CachedSession> session(String tokenHash) {
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    /** Keeps a session read from the database, unless something was forgotten since {@code startedAt}. */
    public synchronized void putSession(String tokenHash, CachedSession s, long startedAt) {
        if (generation == startedAt) {
            sessions.put(tokenHash, s);
        }
    }

    /** Replaces a cached session after its last-seen write, only when it is still the one that was read. */
    public synchronized void refreshSession(String tokenHash, CachedSession was, CachedSession now) {
        if (sessions.get(tokenHash) == was) {
            sessions.put(tokenHash, now);
        }
    }

    public synchronized Optional<Member> member(long userId) {
        return Optional.ofNullable(members.get(userId));
    }

    /** Keeps an active member read from the database, unless something was forgotten since {@code startedAt}. */
    public synchronized void putMember(Member m, long startedAt) {
        if (generation == startedAt) {
            members.put(m.id(), new Member(m.id(), m.email(), m.displayName(),
                    Collections.unmodifiableSet(EnumSet.copyOf(m.roles())), m.locale(), m.birthday()));
        }
    }

    /** Forgets one session (signed out, or ended). */
    public synchronized void forgetSession(String tokenHash) {
        generation++;
        sessions.remove(tokenHash);
    }

    /** Forgets a member and every session of theirs. */
    public synchronized void forgetUser(long userId) {
        generation++;
        members.remove(userId);
        sessions.values().removeIf(s -> s.userId() == userId);
    }

    /** Forgets everything (e.g. after a purge of expired sessions, or a bulk write over many members). */
    public synchronized void forgetAll() {
        generation++;
        members.clear();
        sessions.clear();
    }

    /** Forgets a member now and again when {@code h}'s transaction commits: call it next to the write. */
    public void forgetUser(Handle h, long userId) {
        forgetUser(userId);
        afterCommit(h, () -> forgetUser(userId));
    }

    /** Forgets one session now and again when {@code h}'s transaction commits. */
    public void forgetSession(Handle h, String tokenHash) {
        forgetSession(tokenHash);
        afterCommit(h, () -> forgetSession(tokenHash));
    }

    /** Forgets everything now and again when {@code h}'s transaction commits. */
    public void forgetAll(Handle h) {
        forgetAll();
        afterCommit(h, this::forgetAll);
    }

    /** {@code h} is the write's handle: the forget runs again once that write (the group commit's transaction) commits. */
    private void afterCommit(Handle h, Runnable forget) {
        if (h.isInTransaction()) {
            afterCommit.accept(forget);
        }
    }

    /** @return how many sessions and members are held (for tests and the operator's view) */
    public synchronized int size() {
        return sessions.size() + members.size();
    }
}
