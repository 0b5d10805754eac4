package co.vaultera.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat runs requests on a {@link PlatformFirstExecutor}. {@code spring.threads.virtual.enabled} stays on (the
 * scheduler's jobs use virtual threads); its Tomcat executor is replaced here, which is why this customizer runs
 * last.
 */
@Configuration(proxyBeanMethods = false)
public class RequestThreadsConfig {

    @Bean(destroyMethod = "shutdownNow")
    PlatformFirstExecutor requestExecutor(@Value("${switch.http.platform-threads:64}") int platformThreads,
                                          MeterRegistry meters) {
        PlatformFirstExecutor executor = new PlatformFirstExecutor(platformThreads, "http-");
        FunctionCounter.builder("switch.http.requests.on.virtual.threads", executor,
                        PlatformFirstExecutor::overflowCount)
                .description("Requests that found every platform request thread busy and ran on a virtual thread")
                .register(meters);
        return executor;
    }

    @Bean
    ExecutorCustomizer requestExecutorCustomizer(PlatformFirstExecutor executor) {
        return new ExecutorCustomizer(executor);
    }

    /** Sets the executor on Tomcat's protocol handler after Spring Boot has set its virtual-thread one. */
    record ExecutorCustomizer(PlatformFirstExecutor executor)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(executor));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
