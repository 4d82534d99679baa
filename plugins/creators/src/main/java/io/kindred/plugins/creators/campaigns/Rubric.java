package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.settings.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The screening rubric of the setting {@code screeningRubric}: criteria with weights. A reviewer scores each
 * criterion from 0 to 10; the total is {@code round(10 × Σ score·weight / Σ weight)}, from 0 to 100.
 */
final class Rubric {

    /** One criterion. */
    record Criterion(String code, String en, String zh, int weight) {
        String name(Locale locale) {
            return locale.getLanguage().equals("zh") ? zh : en;
        }
    }

    static final int MAX_SCORE = 10;

    private final Settings settings;

    Rubric(Settings settings) {
        this.settings = settings;
    }

    List<Criterion> criteria() {
        List<Criterion> list = new ArrayList<>();
        for (String item : settings.get(CampaignSettings.RUBRIC).split(",")) {
            String[] p = item.trim().split(":");
            if (p.length == 4 && p[3].trim().matches("[0-9]{1,4}")) {
                list.add(new Criterion(p[0].trim(), p[1].trim(), p[2].trim(), Integer.parseInt(p[3].trim())));
            }
        }
        return list;
    }

    /**
     * @param scores a score per criterion code, each 0–10; every criterion of the rubric needs one
     * @return the weighted total, 0–100
     */
    int total(Map<String, Long> scores) {
        List<Criterion> criteria = criteria();
        long weighted = 0;
        long weights = 0;
        for (String code : scores.keySet()) {
            if (criteria.stream().noneMatch(c -> c.code().equals(code))) {
                throw KindredException.invalidField("The rubric has no criterion '" + code + "'.");
            }
        }
        for (Criterion c : criteria) {
            Long s = scores.get(c.code());
            if (s == null) {
                throw KindredException.missingField("score." + c.code());
            }
            if (s < 0 || s > MAX_SCORE) {
                throw KindredException.invalidField("The score of '" + c.code() + "' must be from 0 to " + MAX_SCORE + ".");
            }
            weighted += s * c.weight();
            weights += c.weight();
        }
        return weights == 0 ? 0 : (int) Math.round(10.0 * weighted / weights);
    }

    List<Map<String, Object>> json(Locale locale, Map<String, Object> given) {
        return criteria().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("name", c.name(locale));
            m.put("weight", c.weight());
            m.put("score", given.get(c.code()));
            return m;
        }).toList();
    }
}
