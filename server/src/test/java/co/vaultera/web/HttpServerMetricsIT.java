package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

class HttpServerMetricsIT extends ApiTestSupport {

    @Test
    void aRequestIsCountedUnderItsRouteTemplateStatusAndOutcome() {
        TestMerchant merchant = newMerchant();
        String customerId = unique("cus_metrics");
        post("/customers", merchant.apiKey(), "{\"customer_id\":\"" + customerId + "\"}").expect(200);
        String series = "http_server_requests_seconds_count{error=\"none\",method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/customers/{customerId}\"}";
        double before = count(series);

        get("/customers/" + customerId, merchant.apiKey()).expect(200);
        get("/customers/" + customerId, merchant.apiKey()).expect(200);

        assertThat(count(series)).isEqualTo(before + 2);
        assertThat(metrics()).doesNotContain(customerId);
    }

    @Test
    void anUnknownRouteAndAMadeUpMethodAddNoSeriesOfTheirOwn() {
        get("/no/such/route/" + unique("x"), null).expect(404);
        send("FROBNICATE", "/customers", null, null);

        String metrics = metrics();
        assertThat(metrics).contains("method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"");
        assertThat(metrics).doesNotContain("FROBNICATE").doesNotContain("/no/such/route");
    }

    @Test
    void theInProcessSimulatorsRequestsAreNotTheSwitchsTraffic() {
        get("/simulator/payments/" + unique("sim"), null);

        assertThat(metrics()).doesNotContain("uri=\"/simulator");
    }

    private String metrics() {
        return get("/actuator/prometheus", null).expect(200).body();
    }

    /** The value of one series, 0 when it does not exist yet. */
    private double count(String series) {
        return metrics().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }
}
