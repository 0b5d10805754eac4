package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payments go to the connectors the request names (by connector name or account id), else to the profile's usable
 * accounts in creation order; they route over the merchant's accounts as this node last changed them: the routing
 * cache never lets a payment see an account as it was before a change this node has answered.
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
        JsonNode second = addConnector(m, null, "stripe_test_backup");
        assertThat(pay(m, VISA).get("merchant_connector_id").stringValue())
                .isEqualTo(first.get("merchant_connector_id").stringValue());

        delete(accountPath(m, first), m.apiKey()).expect(200);

        assertThat(pay(m, VISA).get("merchant_connector_id").stringValue())
                .isEqualTo(second.get("merchant_connector_id").stringValue());
    }

    @Test
    void aPaymentNamingAConnectorGoesToItsAccountEvenWhenAnotherWasCreatedFirst() {
        TestMerchant m = newMerchant();
        addConnector(m, null);
        JsonNode named = addConnector(m, "adyen_test", false);

        JsonNode p = create(m, naming(body(1000, "automatic", VISA, true), "adyen_test"));

        assertThat(status(p)).isEqualTo("succeeded");
        assertThat(text(p, "connector")).isEqualTo("adyen_test");
        assertThat(text(p, "merchant_connector_id")).isEqualTo(text(named, "merchant_connector_id"));
        assertThat(text(retrieve(m, id(p)), "merchant_connector_id")).isEqualTo(text(named, "merchant_connector_id"));
    }

    @Test
    void aPaymentNamingAnAccountByItsIdGoesToThatAccountAmongAccountsOfTheSameConnector() {
        TestMerchant m = newMerchant();
        addConnector(m, null);
        JsonNode second = addConnector(m, null, "stripe_test_backup");

        JsonNode p = create(m, naming(body(1000, "manual", VISA, true), text(second, "merchant_connector_id")));

        assertThat(status(p)).isEqualTo("requires_capture");
        assertThat(text(p, "merchant_connector_id")).isEqualTo(text(second, "merchant_connector_id"));
    }

    @Test
    void aPaymentNamingAConnectorConfirmedLaterStillGoesToThatConnector() {
        TestMerchant m = newMerchant();
        addConnector(m, null);
        JsonNode named = addConnector(m, "fauxpay", false);
        JsonNode created = create(m, naming(body(1000, "automatic", VISA, false), "fauxpay"));

        JsonNode p = post("/payments/" + id(created) + "/confirm", m.apiKey(), "{}").expect(200).json();

        assertThat(status(p)).isEqualTo("succeeded");
        assertThat(text(p, "merchant_connector_id")).isEqualTo(text(named, "merchant_connector_id"));
    }

    @Test
    void aPaymentNamingAConnectorTheMerchantHasNoAccountForIsRefusedWithIr39AndLeavesNothingBehind() {
        TestMerchant m = merchantWithConnector();

        for (String name : new String[] {"adyen_test", "no_such_connector", "mca_00000000000000000000"}) {
            assertThat(post("/payments", m.apiKey(), naming(body(1000, "automatic", VISA, true), name))
                    .expectError(400, "IR_39").message())
                    .isEqualTo("No eligible connector was found for the current payment method configuration");
        }
        assertThat(get("/payments/list", m.apiKey()).expect(200).json().get("size").intValue()).isZero();
    }

    @Test
    void aPaymentNamingADisabledAccountIsRefusedWithIr39EvenThoughAnotherAccountIsEnabled() {
        TestMerchant m = merchantWithConnector();
        addConnector(m, "adyen_test", true);

        post("/payments", m.apiKey(), naming(body(1000, "automatic", VISA, true), "adyen_test"))
                .expectError(400, "IR_39");

        assertThat(get("/payments/list", m.apiKey()).expect(200).json().get("size").intValue()).isZero();
    }

    /** A create body with {@code "connector": [names…]}, the merchant's choice of processors. */
    private static String naming(String body, String... connectors) {
        StringBuilder list = new StringBuilder();
        for (String c : connectors) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(c).append('"');
        }
        return "{\"connector\":[" + list + "]," + body.substring(1);
    }

    private JsonNode addConnector(TestMerchant m, String connectorName, boolean disabled) {
        return post("/account/" + m.merchantId() + "/connectors", m.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"%s","disabled":%s,
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"}}
                """.formatted(connectorName, disabled, PROCESSOR_API_KEY)).expect(200).json();
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
