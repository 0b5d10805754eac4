package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.apikey.ApiKeyService;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.support.ApiTestSupport;
import co.vaultera.web.auth.MerchantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The card kept between create and confirm: PAN encrypted, CVC never stored, even encrypted. */
class CardVaultIT extends ApiTestSupport {

    @Autowired
    PaymentRepository payments;

    @Autowired
    ApiKeyService apiKeys;

    @Test
    void aCardGivenAtCreateIsKeptWithoutItsCvcAndAConfirmCanSendTheCvcAgain() {
        TestMerchant m = newMerchant();
        post("/account/" + m.merchantId() + "/connectors", m.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"simulator",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"sk_test_vault_000000001"}}
                """).expect(200);
        String paymentId = post("/payments", m.apiKey(), """
                {"amount":500,"currency":"USD","payment_method_data":{"card":{"card_number":"4242424242424242",
                 "card_exp_month":"10","card_exp_year":"2032","card_holder_name":"Vault Test","card_cvc":"987"}}}
                """).expect(200).json().get("payment_id").stringValue();

        MerchantContext context = apiKeys.authenticate(m.apiKey()).orElseThrow();
        CardDetails kept = payments.loadCard(context.dataKey(), paymentId).orElseThrow();
        assertThat(kept.number()).isEqualTo("4242424242424242");
        assertThat(kept.cvc()).isNull();

        assertThat(post("/payments/" + paymentId + "/confirm", m.apiKey(), "{\"card_cvc\":\"987\"}").expect(200)
                .json().get("status").stringValue()).isEqualTo("succeeded");
        assertThat(payments.loadCard(context.dataKey(), paymentId).orElseThrow().cvc()).isNull();
    }
}
