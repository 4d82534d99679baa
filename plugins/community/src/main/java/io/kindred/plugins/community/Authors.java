package io.kindred.plugins.community;

import io.kindred.api.PluginContext;
import io.kindred.api.badges.Badge;
import io.kindred.api.badges.BadgeService;
import io.kindred.api.creators.CreatorService;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The author line of posts and comments: name, tier badge (membership), the V mark of a certified creator
 * (creators) and badges (points shop), each shown only while the plugin that knows it is started. Lines are
 * kept for {@link #TTL_MILLIS} so that a busy list does not ask every service for every author every time.
 */
final class Authors {

    static final long TTL_MILLIS = 30_000;
    private static final int MAX_CACHED = 10_000;

    /** What a reader sees of an author. */
    record Author(long id, String displayName, int tier, boolean certified, String certification, boolean official,
                  List<Badge> badges) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("displayName", displayName);
            m.put("tier", tier == 0 ? null : "V" + tier);
            m.put("certified", certified);
            m.put("certification", certification);
            m.put("team", official);
            m.put("badges", badges.stream().map(b -> Map.of("code", b.code(), "name", b.name(),
                    "imageUrl", b.imageUrl() == null ? "" : b.imageUrl())).toList());
            return m;
        }
    }

    private record Cached(Author author, long at) {
    }

    private final PluginContext ctx;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    Authors(PluginContext ctx) {
        this.ctx = ctx;
    }

    Author of(long userId) {
        long now = ctx.clock().millis();
        Cached c = cache.get(userId);
        if (c != null && now - c.at() < TTL_MILLIS) {
            return c.author();
        }
        Author a = load(userId);
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(userId, new Cached(a, now));
        return a;
    }

    Map<Long, Author> of(Collection<Long> userIds) {
        Map<Long, Author> authors = new HashMap<>();
        for (long id : userIds) {
            authors.computeIfAbsent(id, this::of);
        }
        return authors;
    }

    /** Forgets a member's line, e.g. after they were muted or renamed. */
    void forget(long userId) {
        cache.remove(userId);
    }

    private Author load(long userId) {
        Member m = ctx.members().find(userId).orElse(null);
        if (m == null) {
            return new Author(userId, "—", 0, false, null, false, List.of());
        }
        int tier = ctx.services().find(MembershipService.class).map(s -> s.tierRank(userId)).orElse(0);
        var creators = ctx.services().find(CreatorService.class);
        boolean certified = creators.map(s -> s.isCertified(userId)).orElse(false);
        String title = certified ? creators.flatMap(s -> s.certificationTitle(userId)).orElse(null) : null;
        List<Badge> badges = ctx.services().find(BadgeService.class).map(s -> s.badgesOf(userId)).orElse(List.of());
        return new Author(userId, m.displayName(), tier, certified, title, m.hasRole(Role.OPERATOR), badges);
    }
}
