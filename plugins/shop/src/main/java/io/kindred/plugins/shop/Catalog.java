package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog as operators edit it: creating an item from its fields, changing some of them. Fields arrive as
 * a JSON object (API) or form fields (console), by their API names; a field given as null (or blank) clears
 * an optional value — {@code "stock": null} makes the stock unlimited. The flag {@code exclusive} must be a
 * boolean (the console form sends one for its checkbox).
 */
final class Catalog {

    private final PluginContext ctx;
    private final ItemStore items;

    Catalog(PluginContext ctx, ItemStore items) {
        this.ctx = ctx;
        this.items = items;
    }

    List<Item> all(boolean activeOnly) {
        return ctx.db().read(h -> items.list(h, activeOnly));
    }

    /** @return whether the operator has put any item in the shop yet (the getting-started checklist asks) */
    boolean hasItems() {
        return ctx.db().read(items::any);
    }

    List<String> categories() {
        return ctx.db().read(items::categories);
    }

    Item find(long id) {
        return ctx.db().read(h -> items.find(h, id))
                .orElseThrow(() -> KindredException.notFound("There is no such item in the shop."));
    }

    /** @throws KindredException 400 {@code missing_field} / {@code invalid_field} */
    Item create(Map<String, ?> fields) {
        if (blank(fields.get("name"))) {
            throw KindredException.missingField("name");
        }
        if (blank(fields.get("pricePoints"))) {
            throw KindredException.missingField("pricePoints");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("description", "");
        values.put("category", "general");
        values.put("kind", Item.PHYSICAL);
        values.put("active", 1);
        Map<String, Object> given = columns(withLocalImage(fields));
        refuseEmptyRequired(given);
        values.putAll(given);
        long id = ctx.db().write(tx -> items.insert(tx, values, ctx.clock().millis()));
        return find(id);
    }

    Item update(long id, Map<String, ?> fields) {
        find(id);
        Map<String, Object> values = columns(withLocalImage(fields));
        refuseEmptyRequired(values);
        ctx.db().write(tx -> {
            items.update(tx, id, values, ctx.clock().millis());
            return null;
        });
        return find(id);
    }

    /** A field that every item has (a NOT NULL column) may be left out, never sent empty: 400, not a failed insert. */
    private static void refuseEmptyRequired(Map<String, Object> values) {
        for (String required : List.of("name", "description", "category", "kind", "pricePoints", "active")) {
            String column = ItemStore.COLUMNS.get(required);
            if (values.containsKey(column) && values.get(column) == null) {
                throw KindredException.invalidField("The field '" + required + "' cannot be empty.");
            }
        }
    }

    /**
     * A picture given by its address on another host is fetched and stored here: pages load pictures from the
     * site itself only, so an outside address would be accepted and then blocked in every browser.
     */
    private Map<String, ?> withLocalImage(Map<String, ?> fields) {
        Object url = fields.get("imageUrl");
        if (blank(url)) {
            return fields;
        }
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put("imageUrl", ctx.images().local(url.toString(), "shop"));
        return copy;
    }

    /** @return column → value for the known fields present; unknown fields are refused */
    private static Map<String, Object> columns(Map<String, ?> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : fields.entrySet()) {
            String column = ItemStore.COLUMNS.get(e.getKey());
            if (column == null) {
                throw KindredException.invalidField("Items have no field '" + e.getKey() + "'.");
            }
            out.put(column, value(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Object value(String field, Object v) {
        if (field.equals("exclusive")) {
            return strictFlag(field, v);
        }
        if (blank(v)) {
            return field.equals("description") ? "" : null;
        }
        return switch (field) {
            case "name" -> text(field, v, 200);
            case "description" -> text(field, v, 5000);
            case "category" -> text(field, v, 60);
            case "imageUrl" -> text(field, v, 500);
            case "kind" -> {
                String kind = v.toString().strip();
                if (!Item.KINDS.contains(kind)) {
                    throw KindredException.invalidField("The field 'kind' must be one of " + String.join(", ", Item.KINDS) + ".");
                }
                yield kind;
            }
            case "pricePoints", "stock" -> number(field, v, 0, Long.MAX_VALUE / 10_000);
            case "limitPerMember", "minTier" -> (int) number(field, v, field.equals("minTier") ? 0 : 1, 1_000_000);
            case "availableFrom", "availableUntil" -> instant(field, v).toEpochMilli();
            case "active" -> switch (v.toString().strip().toLowerCase()) {
                case "true", "on", "1", "yes" -> 1;
                case "false", "off", "0", "no" -> 0;
                default -> throw KindredException.invalidField("The field 'active' must be true or false.");
            };
            default -> throw KindredException.invalidField("Items have no field '" + field + "'.");
        };
    }

    /** A yes/no that must be JSON {@code true} or {@code false}: null, "yes" or 1 are refused rather than guessed. */
    private static int strictFlag(String field, Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw KindredException.invalidField("The field '" + field + "' must be true or false.");
    }

    private static boolean blank(Object v) {
        return v == null || v.toString().isBlank();
    }

    private static String text(String field, Object v, int max) {
        String s = v.toString().strip();
        if (s.length() > max) {
            throw KindredException.invalidField("The field '" + field + "' must be at most " + max + " characters.");
        }
        return s;
    }

    private static long number(String field, Object v, long min, long max) {
        long n;
        try {
            n = v instanceof Number num && !(v instanceof Double || v instanceof Float) ? num.longValue()
                    : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("The field '" + field + "' must be a whole number.");
        }
        if (n < min || n > max) {
            throw KindredException.invalidField("The field '" + field + "' must be between " + min + " and " + max + ".");
        }
        return n;
    }

    private static Instant instant(String field, Object v) {
        String s = v.toString().strip();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                // the console's datetime-local field: minutes, read as UTC
                return Instant.parse(s + (s.length() == 16 ? ":00Z" : "Z"));
            } catch (DateTimeParseException again) {
                throw KindredException.invalidField("The field '" + field + "' must be a time as ISO-8601 UTC, e.g. 2026-12-01T00:00:00Z.");
            }
        }
    }
}
