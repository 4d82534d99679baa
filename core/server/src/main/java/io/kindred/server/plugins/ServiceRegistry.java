package io.kindred.server.plugins;

import io.kindred.api.Services;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Services that started plugins offer each other, keyed by an interface of kindred-api. */
public final class ServiceRegistry implements Services {

    private record Provided(String owner, Object implementation) {
    }

    private final Map<Class<?>, Provided> services = new ConcurrentHashMap<>();

    public <T> void provide(String owner, Class<T> type, T implementation) {
        if (!type.isInterface() || !type.getName().startsWith("io.kindred.api.")) {
            throw new IllegalArgumentException("a service type must be an interface of kindred-api: " + type.getName());
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
