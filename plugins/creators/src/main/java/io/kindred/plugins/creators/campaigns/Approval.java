package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator decides on approving: the creator's category, level and title, and the grants the roster
 * part applies once ({@code creators.application_approved}).
 */
record Approval(String category, String level, String title, Grants grants) {

    /** Grants: distribution rights, a membership plan (its code) or none, points. */
    record Grants(boolean distributionRights, Optional<String> planCode, long points) {
    }

    static final List<String> LEVELS = List.of("koc", "kol", "top_kol");

    Approval checked(Categories categories) {
        categories.check(category);
        if (!LEVELS.contains(level)) {
            throw KindredException.invalidField("The field 'level' must be one of " + LEVELS + ".");
        }
        if (title.isBlank() || title.strip().length() > 60) {
            throw KindredException.invalidField("The field 'title' must be 1 to 60 characters.");
        }
        if (grants.points() < 0 || grants.points() > 1_000_000_000L) {
            throw KindredException.invalidField("The field 'grants.points' must be from 0 to 1000000000.");
        }
        Optional<String> plan = grants.planCode().map(String::strip).filter(p -> !p.isEmpty());
        if (plan.isPresent() && !plan.get().matches("[A-Za-z0-9_.-]{1,60}")) {
            throw KindredException.invalidField("The field 'grants.planCode' must be a plan code.");
        }
        return new Approval(category, level, title.strip(), new Grants(grants.distributionRights(), plan, grants.points()));
    }

    /** @return the event's and the stored approval's shape */
    Map<String, Object> json() {
        Map<String, Object> g = new HashMap<>();
        g.put("distributionRights", grants.distributionRights());
        g.put("planCode", grants.planCode().orElse(null));
        g.put("points", grants.points());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", category);
        m.put("level", level);
        m.put("title", title);
        m.put("grants", g);
        return m;
    }
}
