package io.kindred.api.ui;

import io.kindred.api.users.Member;

import java.util.Locale;
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

    /**
     * A widget whose variables depend on the page's language (e.g. names it looks up itself).
     *
     * <pre>{@code
     * ctx.widget(Widget.localized("membership", "membership/widget", 8, (member, locale) -> cardOf(member, locale)));
     * }</pre>
     *
     * @param id       stable id
     * @param template template name
     * @param order    default position
     * @param model    variables for the viewer and the page's language
     * @return the widget
     */
    public static Widget localized(String id, String template, int order, LocalizedModel model) {
        return new Widget(id, template, order, new Model() {
            @Override
            public Map<String, Object> forViewer(Member viewer) {
                return model.forViewer(viewer, Locale.ENGLISH);
            }

            @Override
            public Map<String, Object> forViewer(Member viewer, Locale locale) {
                return model.forViewer(viewer, locale);
            }
        });
    }

    /** Computes a widget's template variables. */
    @FunctionalInterface
    public interface Model {
        /** @param viewer the member viewing the home page, or null @return variables for the template */
        Map<String, Object> forViewer(Member viewer);

        /**
         * @param viewer the member viewing the page, or null
         * @param locale the page's language
         * @return variables for the template; by default {@link #forViewer(Member)}
         */
        default Map<String, Object> forViewer(Member viewer, Locale locale) {
            return forViewer(viewer);
        }
    }

    /** Computes a widget's template variables in the page's language. */
    @FunctionalInterface
    public interface LocalizedModel {
        /** @param viewer the member viewing the page, or null @param locale the page's language @return variables */
        Map<String, Object> forViewer(Member viewer, Locale locale);
    }
}
