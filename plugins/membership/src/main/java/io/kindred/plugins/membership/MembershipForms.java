package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the console's tier and plan forms into the same edits the API reads from JSON. */
final class MembershipForms {

    private MembershipForms() {
    }

    static Optional<String> field(Exchange x, String name) {
        return x.formValue(name).map(String::trim);
    }

    /** @return the tier code: the path's, or for a new tier the {@code code} field in capitals */
    static String tierCode(Exchange x) {
        return x.path().endsWith("/tiers") ? field(x, "code").orElse("").toUpperCase(Locale.ROOT) : x.pathParam("code");
    }

    /** @return the plan code: the path's, or for a new plan the {@code code} field */
    static String planCode(Exchange x) {
        return x.path().endsWith("/plans") ? field(x, "code").orElse(null) : x.pathParam("code");
    }

    static TierChange tier(Exchange x) {
        return new TierChange(field(x, "name"), field(x, "nameZh"), field(x, "threshold").map(v -> number(v, "threshold")),
                field(x, "multiplier").map(MembershipForms::decimal), field(x, "colour"), field(x, "icon"),
                checkedBenefits(x));
    }

    /** An unticked {@code active} box sends nothing: absent means off in a form. */
    static PlanChange plan(Exchange x) {
        return new PlanChange(field(x, "name"), field(x, "nameZh"), field(x, "months").map(v -> (int) number(v, "months")),
                field(x, "trialDays").map(v -> (int) number(v, "trialDays")), field(x, "price").map(v -> number(v, "price")),
                field(x, "currency"), field(x, "sku"), checkedBenefits(x), Optional.of(field(x, "active").isPresent()));
    }

    /** @return the ticked benefit boxes, when the form showed them (field {@code benefitsShown}); none ticked is an empty list */
    private static Optional<List<String>> checkedBenefits(Exchange x) {
        if (field(x, "benefitsShown").isEmpty()) {
            return field(x, "benefits").map(PlanStore::codes);
        }
        return Optional.of(x.form().getOrDefault("benefits", List.of()));
    }

    /** @return a whole number typed into a form; 400 {@code invalid_field} naming it otherwise */
    static long number(String text, String field) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField(field + " must be a whole number.");
        }
    }

    private static double decimal(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("multiplier must be a number like 1.5.");
        }
    }
}
