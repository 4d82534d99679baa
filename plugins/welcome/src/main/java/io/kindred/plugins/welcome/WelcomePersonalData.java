package io.kindred.plugins.welcome;

import io.kindred.api.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The member's welcome gift in their export (section {@code welcome}). Erasure keeps the row: it records points
 * credited once per member (so an erased member is never given the gift again), and holds nothing else.
 */
final class WelcomePersonalData implements PersonalData {

    @Override
    public String section() {
        return "welcome";
    }

    @Override
    public Object export(Handle h, long userId) {
        return h.createQuery("SELECT points, created_at FROM welcome_gifts WHERE user_id = :u")
                .bind("u", userId)
                .map((rs, c) -> {
                    Map<String, Object> gift = new LinkedHashMap<>();
                    gift.put("points", rs.getLong(1));
                    gift.put("asset", "points");
                    gift.put("givenAt", Instant.ofEpochMilli(rs.getLong(2)));
                    return Map.<String, Object>of("gift", gift);
                })
                .findOne().orElse(Map.of());
    }

    @Override
    public Erased erase(Handle tx, long userId) {
        return Erased.nothing();
    }
}
