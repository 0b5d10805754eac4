package co.vaultera.connector;

import co.vaultera.connector.simulator.SimulatorApiServlet;
import co.vaultera.connector.simulator.SimulatorConnector;
import co.vaultera.connector.simulator.SimulatorProcessor;
import co.vaultera.connector.spi.ConnectorHttpClient;
import co.vaultera.connector.spi.PaymentConnector;
import co.vaultera.payment.PaymentSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the connectors: today the built-in simulator under every test-processor name. With
 * {@code switch.simulator.enabled=false} there is no simulator: nothing is mounted under {@code /simulator}, and no
 * connector name routes to it (a deployment that moves real money must not take a payment a fake processor
 * "approved"; Hyperswitch builds its dummy connector only into sandbox builds).
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfig {

    static final String SIMULATOR_ENABLED = "switch.simulator.enabled";

    /**
     * The simulated processor's state, in memory; its HTTP API is mounted under {@code /simulator}. Kept 48 h by
     * default, like the reference's dummy connector; long load tests shorten it so the heap stays flat.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = SIMULATOR_ENABLED, matchIfMissing = true)
    SimulatorProcessor simulatorProcessor(@Value("${switch.simulator.retention:48h}") Duration retention) {
        return new SimulatorProcessor(java.time.Clock.systemUTC(), Thread::sleep, retention);
    }

    /**
     * The simulated processor's HTTP API, beside the switch's own (which Spring MVC serves at {@code /}). Its 3DS
     * page is where shoppers reach this server ({@code switch.public-base-url}), not the loopback address the
     * switch calls it on.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = SIMULATOR_ENABLED, matchIfMissing = true)
    ServletRegistrationBean<SimulatorApiServlet> simulatorApi(SimulatorProcessor processor, PaymentSettings settings) {
        return new ServletRegistrationBean<>(new SimulatorApiServlet(processor, settings::publicBaseUrl),
                SimulatorApiServlet.MAPPING);
    }

    @Bean
    MeteredConnectorHttpClient connectorHttpClient(
            MeterRegistry meters, @Value("${switch.connector.max-connections-per-host:4096}") int maxPerHost) {
        return new MeteredConnectorHttpClient(new PooledConnectorHttpClient(maxPerHost), meters);
    }

    @Bean
    ConnectorRegistry connectorRegistry(ConnectorHttpClient http, Environment env,
                                        @Value("${" + SIMULATOR_ENABLED + ":true}") boolean simulator,
                                        @Value("${switch.simulator.base-url:}") String simulatorBaseUrl,
                                        @Value("${switch.connector.timeout:30s}") Duration timeout) {
        Map<String, Function<String, PaymentConnector>> factories = new LinkedHashMap<>();
        for (String name : simulator ? SimulatorConnector.NAMES : List.<String>of()) {
            factories.put(name, n -> new SimulatorConnector(n, simulatorBase(env, simulatorBaseUrl), http, timeout));
        }
        return new ConnectorRegistry(factories);
    }

    /** The simulator runs inside this server unless configured elsewhere; its port is known once we listen. */
    private static URI simulatorBase(Environment env, String configured) {
        if (!configured.isBlank()) {
            return URI.create(configured);
        }
        return URI.create("http://127.0.0.1:" + env.getProperty("local.server.port",
                env.getProperty("server.port", "8080")));
    }
}
