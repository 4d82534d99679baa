package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a campaign's form: a type from the catalogue and whether the applicant must fill it.
 *
 * @param type     the field's type code, e.g. {@code phone}
 * @param required whether an application without it is refused
 */
record FormField(String type, boolean required) {

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("required", required);
        return m;
    }

    /** @return the fields checked against the catalogue, each once, in catalogue order */
    static List<FormField> validated(List<FormField> fields) {
        Map<FieldType, FormField> seen = new LinkedHashMap<>();
        for (FormField f : fields) {
            FieldType t = FieldType.of(f.type()).orElseThrow(() -> KindredException.invalidField(
                    "The form field type '" + f.type() + "' is not in the catalogue."));
            if (seen.put(t, f) != null) {
                throw KindredException.invalidField("The form has the field '" + f.type() + "' twice.");
            }
        }
        List<FormField> sorted = new ArrayList<>(seen.values());
        sorted.sort(Comparator.comparing(f -> FieldType.of(f.type()).orElseThrow().ordinal()));
        return sorted;
    }

    static String toJson(List<FormField> form) {
        return Json.write(form.stream().map(FormField::json).toList());
    }

    @SuppressWarnings("unchecked")
    static List<FormField> fromJson(String text) {
        List<Object> list = (List<Object>) Json.read(text);
        return list.stream().map(o -> (Map<String, Object>) o)
                .map(m -> new FormField((String) m.get("type"), Boolean.TRUE.equals(m.get("required")))).toList();
    }
}
