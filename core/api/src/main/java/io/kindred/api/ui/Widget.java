package io.kindred.api.ui;

import io.kindred.api.users.Member;

import java.util.Map;

/**
 * A box on the member home page ({@link io.kindred.api.PluginContext#widget}) or a section of the member's
 * account page ({@link io.kindred.api.PluginContext#accountSection}), rendered from one of the plugin's
 * templates. The operator orders home widgets in the console; {@code order} is the default.
 *
 * <pre>{@code
 * ctx.widget(new Widget("checkin", "checkin/widget", 10, member -> Map.of("streak", streakOf(member))));
 * }</pre>
 *
 * @param id       stable id, unique on the platform
 * @param template template name, e.g. {@code checkin/widget}
 * @param order    default position, smaller first
 * @param model    template variables for the member viewing the page (null when anonymous on the home page)
 */
public record Widget(String id, String template, int order, Model model) {

    /** Computes a widget's template variables. */
    @FunctionalInterface
    public interface Model {
        /** @param viewer the member viewing the home page, or null @return variables for the template */
        Map<String, Object> forViewer(Member viewer);
    }
}
