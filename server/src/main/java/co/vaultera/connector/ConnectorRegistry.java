package co.vaultera.connector;

import co.vaultera.connector.spi.PaymentConnector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The connectors this server can route to, by the name merchants configure. Instances are made on first use:
 * some (the built-in simulator) need the server's own address, which is known only once it listens.
 */
public final class ConnectorRegistry {

    private final Map<String, Function<String, PaymentConnector>> factories;
    private final Map<String, PaymentConnector> made = new ConcurrentHashMap<>();

    public ConnectorRegistry(Map<String, Function<String, PaymentConnector>> factories) {
        this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
    }

    public Set<String> names() {
        return factories.keySet();
    }

    public Optional<PaymentConnector> find(String name) {
        Function<String, PaymentConnector> factory = factories.get(name);
        return factory == null ? Optional.empty() : Optional.of(made.computeIfAbsent(name, factory));
    }
}
