package io.kindred.server.web;

import io.javalin.http.Context;

import java.util.Map;

/** Renders a page template of the active theme for a request. */
@FunctionalInterface
public interface Renderer {

    /**
     * @param ctx      the request (for the viewer, language and CSRF token)
     * @param template template name without extension, e.g. {@code setup}
     * @param model    page variables
     * @return the HTML
     */
    String render(Context ctx, String template, Map<String, Object> model);
}
