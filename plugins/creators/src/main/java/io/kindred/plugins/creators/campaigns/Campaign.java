package io.kindred.plugins.creators.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recruitment campaign (招募).
 *
 * @param id          its id
 * @param title       what applicants read first
 * @param category    a category code from the setting {@code campaignCategories}, e.g. {@code beauty}
 * @param startsOn    first day applications are taken (site time zone)
 * @param endsOn      last day applications are taken
 * @param quota       most applications taken
 * @param description what the brand looks for and offers
 * @param status      draft, open or closed
 * @param form        the form's fields
 * @param applied     applications taken so far
 * @param createdAt   epoch ms
 * @param updatedAt   epoch ms
 */
record Campaign(long id, String title, String category, LocalDate startsOn, LocalDate endsOn, int quota,
                String description, String status, List<FormField> form, int applied, long createdAt, long updatedAt) {

    static final List<String> STATUSES = List.of("draft", "open", "closed");

    /** @return whether applications are taken on {@code today}: open, started, not ended */
    boolean takesApplications(LocalDate today) {
        return status.equals("open") && !today.isBefore(startsOn) && !today.isAfter(endsOn);
    }

    boolean asks(FieldType type) {
        return form.stream().anyMatch(f -> f.type().equals(type.code()));
    }

    boolean requires(FieldType type) {
        return form.stream().anyMatch(f -> f.type().equals(type.code()) && f.required());
    }

    Map<String, Object> json(Categories categories, java.util.Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("category", category);
        m.put("categoryName", categories.name(category, locale));
        m.put("startsOn", startsOn.toString());
        m.put("endsOn", endsOn.toString());
        m.put("quota", quota);
        m.put("applied", applied);
        m.put("description", description);
        m.put("status", status);
        m.put("form", form.stream().map(FormField::json).toList());
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        m.put("updatedAt", Instant.ofEpochMilli(updatedAt).toString());
        return m;
    }
}
