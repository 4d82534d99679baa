package io.kindred.api.web;

/**
 * Handles one HTTP request of a plugin route.
 *
 * <pre>{@code
 * Handler status = x -> x.json(Map.of("ok", true));
 * }</pre>
 */
@FunctionalInterface
public interface Handler {

    /**
     * @param x the request and its response
     * @throws Exception anything; a {@link io.kindred.api.KindredException} becomes its error response,
     *                   anything else a logged 500 without details
     */
    void handle(Exchange x) throws Exception;
}
