package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payments route over the merchant's accounts as this node last changed them: the routing cache never lets a payment
 * see an account as it was before a change this node has answered.
 */
class PaymentRoutingIT extends PaymentTestSupport {

    @Test
    void aPaymentRightAfterItsOnlyAccountWasDisabledIsRefusedAndOneRightAfterReEnablingSucceeds() {
        TestMerchant m = newMerchant();
        String accountPath = accountRoutedTo(m);

        post(accountPath, m.apiKey(), "{\"disabled\":true}").expect(200);
        post("/payments", m.apiKey(), body(1000, "automatic", VISA, true)).expectError(400, "IR_39");

        post(accountPath, m.apiKey(), "{\"disabled\":false}").expect(200);
        assertThat(status(pay(m, VISA))).isEqualTo("succeeded");
    }

    @Test
    void aPaymentRightAfterTheAccountsMetadataChangedUsesTheNewMetadata() {
        TestMerchant m = newMerchant();
        String accountPath = accountRoutedTo(m);

        post(accountPath, m.apiKey(), "{\"metadata\":{\"simulator\":{\"fault\":\"processor_error\"}}}").expect(200);

        // The processor's 5xx leaves the payment waiting for sync, never failed.
        assertThat(status(pay(m, VISA))).isEqualTo("processing");
    }

    @Test
    void aPaymentRightAfterTheFirstAccountWasDeletedGoesToTheNextOne() {
        TestMerchant m = newMerchant();
        JsonNode first = addConnector(m, null);
        JsonNode second = addConnector(m, null);
        assertThat(pay(m, VISA).get("merchant_connector_id").stringValue())
                .isEqualTo(first.get("merchant_connector_id").stringValue());

        delete(accountPath(m, first), m.apiKey()).expect(200);

        assertThat(pay(m, VISA).get("merchant_connector_id").stringValue())
                .isEqualTo(second.get("merchant_connector_id").stringValue());
    }

    /** Adds the merchant's only account and pays through it once, so that its accounts are cached; its path. */
    private String accountRoutedTo(TestMerchant m) {
        String path = accountPath(m, addConnector(m, null));
        assertThat(status(pay(m, VISA))).isEqualTo("succeeded");
        return path;
    }

    private static String accountPath(TestMerchant m, JsonNode account) {
        return "/account/" + m.merchantId() + "/connectors/" + account.get("merchant_connector_id").stringValue();
    }
}
