package co.vaultera.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentConnectorTest {

    private static final ConnectorAccount ACCOUNT =
            ConnectorAccount.headerKey("bare", "mca_1", "sk_test_secret_value", Map.of("region", "eu"));

    @Test
    void flowsNotOverriddenThrowUnsupported() {
        PaymentConnector bare = () -> "bare";

        assertThatThrownBy(() -> bare.voidPayment(new VoidRequest(ACCOUNT, "pay_1", "pay_1_1", "tx_1", null)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.error()).isEqualTo(ConnectorError.UNSUPPORTED);
                    assertThat(e.code()).isEqualTo("unsupported_flow");
                    assertThat(e.getMessage()).contains("bare", "void");
                });
    }

    @Test
    void onlyUnknownOutcomeLeavesTheProcessorStateUnknown() {
        for (ConnectorError error : ConnectorError.values()) {
            assertThat(error.outcomeKnown()).isEqualTo(error != ConnectorError.UNKNOWN_OUTCOME);
        }
    }

    @Test
    void accountToStringMasksCredentials() {
        assertThat(ACCOUNT.toString()).doesNotContain("sk_test_secret_value").contains("bare", "HeaderKey", "region");
    }

    @Test
    void httpRequestToStringShowsNeitherBodyNorHeaderValues() {
        ConnectorHttpRequest request = ConnectorHttpRequest.of(HttpMethod.POST,
                java.net.URI.create("http://127.0.0.1/x"), Map.of("X-Api-Key", "sk_secret"),
                "{\"number\":\"4242424242424242\"}", java.time.Duration.ofSeconds(1));

        assertThat(request.toString()).doesNotContain("sk_secret").doesNotContain("4242424242424242");
    }
}
