package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.events.Event;

import java.util.Map;

/**
 * What an operator decided when approving a member as a creator: category, level, title and the grants
 * (distribution rights, a membership plan, points). From {@code creators.application_approved} or from a direct
 * certification ({@code POST /api/v1/admin/creators}).
 */
record Approval(Long applicationId, long userId, String category, String level, String title,
                boolean distributionRights, String planCode, long points) {

    Approval {
        if (category == null || category.isBlank() || category.length() > 40) {
            throw KindredException.invalidField("category is 1 to 40 characters.");
        }
        if (!Creator.LEVELS.contains(level)) {
            throw new KindredException(RosterError.BAD_LEVEL, "level is one of koc, kol, top_kol.");
        }
        if (title == null || title.isBlank() || title.length() > 60) {
            throw KindredException.invalidField("title is 1 to 60 characters.");
        }
        if (points < 0 || points > 1_000_000_000L) {
            throw KindredException.invalidField("points is 0 or more.");
        }
        planCode = planCode == null || planCode.isBlank() ? null : planCode.trim();
    }

    /** The payload of {@code creators.application_approved} (see the campaigns part). */
    @SuppressWarnings("unchecked")
    static Approval of(Event e) {
        Map<String, Object> grants = e.payload().get("grants") instanceof Map<?, ?> g ? (Map<String, Object>) g : Map.of();
        Object points = grants.get("points");
        return new Approval(e.longValue("applicationId"), e.longValue("userId"), e.string("category"),
                e.string("level"), e.string("title"), Boolean.TRUE.equals(grants.get("distributionRights")),
                grants.get("planCode") == null ? null : grants.get("planCode").toString(),
                points instanceof Number n ? n.longValue() : 0L);
    }

    /** The body of a direct certification. */
    record Body(long userId, String category, String level, String title, java.util.Optional<Grants> grants) {
    }

    /** The grants of a direct certification. */
    record Grants(java.util.Optional<Boolean> distributionRights, java.util.Optional<String> planCode,
                  java.util.Optional<Long> points) {
    }

    static Approval of(Body b) {
        Grants g = b.grants().orElse(new Grants(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
        return new Approval(null, b.userId(), b.category(), b.level(), b.title(), g.distributionRights().orElse(false),
                g.planCode().orElse(null), g.points().orElse(0L));
    }
}
