package io.kindred.server.plugins;

import io.kindred.api.Services;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Services that started plugins offer each other, keyed by an interface: one of kindred-api (every plugin sees
 * it), or one that the providing plugin exports from its own jar (seen by the plugins that declare it in
 * {@code Plugin-Dependencies}, whose class loaders reach the provider's).
 */
public final class ServiceRegistry implements Services {

    private record Provided(String owner, Object implementation) {
    }

    private final Map<Class<?>, Provided> services = new ConcurrentHashMap<>();

    /**
     * @param owner          the providing plugin
     * @param ownLoader      its class loader, which must have defined {@code type} unless it is a kindred-api type
     * @param type           the service interface
     * @param implementation the implementation
     */
    public <T> void provide(String owner, ClassLoader ownLoader, Class<T> type, T implementation) {
        boolean ofApi = type.getName().startsWith("io.kindred.api.");
        if (!type.isInterface() || !(ofApi || type.getClassLoader() == ownLoader)) {
            throw new IllegalArgumentException("a service type must be an interface of kindred-api or of the plugin's own jar: "
                    + type.getName());
        }
        Provided earlier = services.putIfAbsent(type, new Provided(owner, implementation));
        if (earlier != null && !earlier.owner().equals(owner)) {
            throw new IllegalArgumentException(type.getSimpleName() + " is already provided by plugin " + earlier.owner());
        }
    }

    public void removeAll(String owner) {
        services.values().removeIf(p -> p.owner().equals(owner));
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        Provided p = services.get(type);
        return p == null ? Optional.empty() : Optional.of(type.cast(p.implementation()));
    }
}
