package co.vaultera.connector;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorConnector;
import co.vaultera.connector.simulator.SimulatorProcessor;
import co.vaultera.payment.PaymentSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

class ConnectorConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ConnectorConfig.class, PaymentSettings.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            // As the application has it: "30s" and the like bind to Durations.
            .withInitializer(c -> c.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()));

    @Test
    void byDefaultTheSimulatorIsMountedAndEveryTestProcessorNameRoutesToIt() {
        context.run(c -> {
            assertThat(c).hasSingleBean(SimulatorProcessor.class).hasSingleBean(ServletRegistrationBean.class);
            assertThat(c.getBean(ServletRegistrationBean.class).getUrlMappings()).containsExactly("/simulator/*");
            assertThat(c.getBean(ConnectorRegistry.class).names())
                    .containsExactlyInAnyOrderElementsOf(SimulatorConnector.NAMES);
        });
    }

    @Test
    void withTheSimulatorDisabledNothingIsMountedAndNoConnectorNameRoutesToIt() {
        context.withPropertyValues("switch.simulator.enabled=false").run(c -> {
            assertThat(c).doesNotHaveBean(SimulatorProcessor.class).doesNotHaveBean(ServletRegistrationBean.class);
            assertThat(c.getBean(ConnectorRegistry.class).names()).isEmpty();
        });
    }
}
