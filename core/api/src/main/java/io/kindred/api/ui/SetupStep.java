package io.kindred.api.ui;

import java.util.function.BooleanSupplier;

/**
 * A step of the getting-started checklist on the console's dashboard (e.g. "Put a first item in the points shop"):
 * it ticks itself as soon as {@code done} says so, and vanishes with its plugin.
 *
 * <pre>{@code
 * ctx.setupStep(new SetupStep("shop.first-item", "shop.setup.firstItem", "/console/shop/items/new", () -> items.count() > 0));
 * }</pre>
 *
 * @param code     unique on the platform, dotted lower case, starting with the plugin's id
 * @param labelKey message key of what to do, from the plugin's bundle; {@code labelKey + ".how"} says how, in one line
 * @param link     the console page where it is done, or null
 * @param done     whether it is done now; asked each time the dashboard is shown, so keep it to one cheap query
 */
public record SetupStep(String code, String labelKey, String link, BooleanSupplier done) {
}
