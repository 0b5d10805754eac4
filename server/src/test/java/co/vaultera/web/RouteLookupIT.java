package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Routes are found through FirstSegmentHandlerMapping, with the answers Spring's own mapping gives. */
class RouteLookupIT extends ApiTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApplicationLooksRoutesUpWithTheFirstSegmentTestBeforeActuatorsEndpoints() {
        assertThat(mapping).isInstanceOf(FirstSegmentHandlerMapping.class);
        assertThat(mapping.getOrder()).isLessThan(-100);
        assertThat(send("GET", "/actuator/prometheus", null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void routesWithIdsAreFoundAndAPercentEncodedFirstSegmentStillMatches() {
        TestMerchant m = newMerchant();
        String id = post("/customers", m.apiKey(), "{\"name\":\"Route\"}").expect(200).json()
                .get("customer_id").stringValue();
        assertThat(get("/customers/" + id, m.apiKey()).expect(200).json().get("name").stringValue())
                .isEqualTo("Route");
        assertThat(get("/cust%6Fmers/" + id, m.apiKey()).expect(200).json().get("customer_id").stringValue())
                .isEqualTo(id);
        get("/payments/pay_none", m.apiKey()).expectError(404, "HE_02");
    }

    @Test
    void aPathNoRouteStartsWithIsA404AndAKnownPathWithAnotherMethodA405() {
        send("GET", "/nothing/here", "x", null).expectError(404, "IR_02");
        send("PUT", "/customers/cus_1", "x", "{}").expectError(405, "IR_03");
    }
}
