package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connectoraccount.DeletedAccountCredentialsPurgeJob;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A deleted connector account's credentials are erased once nothing made on it is left to settle (the 3DS case,
 * where something is: ThreeDsRedirectIT). The purge here runs without the grace a running server gives a delete.
 */
class DeletedAccountCredentialsIT extends PaymentTestSupport {

    @Autowired
    private DeletedAccountCredentialsPurgeJob purge;

    @Test
    void aDeletedAccountWithNothingLeftToSettleLosesItsCredentialsAndSecretButKeepsItsRow() {
        TestMerchant m = newMerchant();
        String account = text(addConnectorWithWebhookSecret(m), "merchant_connector_id");
        JsonNode paid = pay(m, VISA);
        JsonNode authorized = create(m, body(1000, "manual", VISA, true));
        delete("/account/" + m.merchantId() + "/connectors/" + account, m.apiKey()).expect(200);

        assertThat(purge.purge()).isPositive();

        Map<String, Object> row = jdbc.sql("select connector_account_details, connector_webhook_details,"
                        + " connector_name, deleted_at from merchant_connector_account"
                        + " where merchant_id = ? and merchant_connector_id = ?")
                .params(m.merchantId(), account).query().singleRow();
        assertThat(row.get("connector_account_details")).isNull();
        assertThat(row.get("connector_webhook_details")).isNull();
        assertThat(row.get("connector_name")).isEqualTo("stripe_test");
        assertThat(row.get("deleted_at")).isNotNull();
        // Its payments still name it; what would need its processor is a 404, as since the delete.
        assertThat(text(retrieve(m, id(paid)), "merchant_connector_id")).isEqualTo(account);
        assertThat(status(retrieve(m, id(authorized)))).isEqualTo("requires_capture");
        post("/payments/" + id(authorized) + "/capture", m.apiKey(), "{}").expectError(404, "HE_02");
        post("/refunds", m.apiKey(), "{\"payment_id\":\"" + id(paid) + "\"}").expectError(404, "HE_02");
    }

    @Test
    void anAccountThatIsNotDeletedKeepsItsCredentials() {
        TestMerchant m = merchantWithConnector();
        String account = text(pay(m, VISA), "merchant_connector_id");

        purge.purge();

        assertThat(holdsCredentials(m, account)).isTrue();
        assertThat(status(pay(m, VISA))).isEqualTo("succeeded");
    }

    @Test
    void aRefundStillPendingOnADeletedAccountKeepsItsCredentials() {
        TestMerchant m = newMerchant();
        String account = text(addConnector(m, "{\"refund_review_ms\":60000}"), "merchant_connector_id");
        JsonNode paid = pay(m, VISA);
        JsonNode refund = post("/refunds", m.apiKey(), "{\"payment_id\":\"" + id(paid) + "\"}").expect(200).json();
        assertThat(refund.get("status").stringValue()).isEqualTo("review");
        delete("/account/" + m.merchantId() + "/connectors/" + account, m.apiKey()).expect(200);

        purge.purge();

        assertThat(holdsCredentials(m, account)).isTrue();
    }

    private JsonNode addConnectorWithWebhookSecret(TestMerchant m) {
        return post("/account/" + m.merchantId() + "/connectors", m.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"},
                 "connector_webhook_details":{"merchant_secret":"whsec_test_0123456789"}}
                """.formatted(PROCESSOR_API_KEY)).expect(200).json();
    }
}
