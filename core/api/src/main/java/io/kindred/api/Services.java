package io.kindred.api;

import java.util.Optional;

/**
 * Services that plugins offer each other through interfaces of kindred-api.
 *
 * <p>Look a service up each time you need it rather than keeping it: the plugin that provides it may be
 * disabled at any moment, and then the lookup answers empty.
 *
 * <pre>{@code
 * Optional<TierService> tiers = ctx.services().find(TierService.class);
 * }</pre>
 */
public interface Services {

    /**
     * @param type the service interface
     * @param <T>  the service type
     * @return the implementation of a started plugin, or empty
     */
    <T> Optional<T> find(Class<T> type);
}
