package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.settings.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The creator categories (美妆, 美食, 数码…) of the setting {@code campaignCategories}, read on each use. */
final class Categories {

    /** One category: its code and its names. */
    record Category(String code, String en, String zh) {
        String name(Locale locale) {
            return locale.getLanguage().equals("zh") ? zh : en;
        }
    }

    private final Settings settings;

    Categories(Settings settings) {
        this.settings = settings;
    }

    List<Category> all() {
        List<Category> list = new ArrayList<>();
        for (String item : settings.get(CampaignSettings.CATEGORIES).split(",")) {
            String[] p = item.trim().split(":");
            if (p.length >= 1 && !p[0].isBlank()) {
                String code = p[0].trim();
                String en = p.length > 1 ? p[1].trim() : code;
                list.add(new Category(code, en, p.length > 2 ? p[2].trim() : en));
            }
        }
        return list;
    }

    String name(String code, Locale locale) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.name(locale)).orElse(code);
    }

    /** @return the code, if it is a category; a 400 {@code invalid_field} otherwise */
    String check(String code) {
        if (all().stream().noneMatch(c -> c.code().equals(code))) {
            throw KindredException.invalidField("The category '" + code + "' is not one of the setting campaignCategories.");
        }
        return code;
    }

    List<Map<String, Object>> json(Locale locale) {
        return all().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("name", c.name(locale));
            return m;
        }).toList();
    }
}
