package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

class RequestThreadsIT extends ApiTestSupport {

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    PlatformFirstExecutor requestExecutor;

    @Test
    void tomcatRunsRequestsOnThePlatformFirstExecutorNotOnSpringBootsVirtualThreadOne() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();

        assertThat(server.getTomcat().getConnector().getProtocolHandler().getExecutor()).isSameAs(requestExecutor);
    }

    @Test
    void theRequestsThatRanOnVirtualThreadsAreCounted() {
        assertThat(get("/actuator/prometheus", null).expect(200).body())
                .contains("switch_http_requests_on_virtual_threads_total");
    }
}
