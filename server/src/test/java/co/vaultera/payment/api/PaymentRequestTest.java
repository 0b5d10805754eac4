package co.vaultera.payment.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.common.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A payment request that reaches a log shows neither the card nor the shopper. */
class PaymentRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAN = "4000056655665556";
    private static final String CARD_CVC = "9183";
    private static final String TOP_LEVEL_CVC = "8264";

    private static PaymentRequest read(String json, PaymentRequest.Kind kind) {
        return PaymentRequest.read(JSON.readTree(json), kind);
    }

    private static String fullRequest() {
        return """
                {"amount":1000,"currency":"USD","capture_method":"manual","amount_to_capture":600,
                 "payment_method_data":{"card":{"card_number":"%s","card_exp_month":"12","card_exp_year":"2040",
                   "card_holder_name":"Ann Cardholder","card_cvc":"%s"}},
                 "card_cvc":"%s","client_secret":"pay_abc_secret_Zq8TopSecretValue",
                 "email":"ann.shopper@example.com","name":"Ann Shopper","phone":"5550123987",
                 "billing":{"address":{"line1":"12 Billing Lane","first_name":"Ann"},"email":"bill@example.com"},
                 "shipping":{"address":{"line1":"34 Shipping Road"},"phone":{"number":"5550999111"}},
                 "metadata":{"note":"gift for Bob"}}
                """.formatted(PAN, CARD_CVC, TOP_LEVEL_CVC);
    }

    @Test
    void toStringShowsNeitherThePanNorEitherCvc() {
        String text = read(fullRequest(), PaymentRequest.Kind.CREATE).toString();
        assertThat(text).doesNotContain(PAN).doesNotContain(PAN.substring(6, 12)).doesNotContain(CARD_CVC)
                .doesNotContain(TOP_LEVEL_CVC);
        assertThat(text).contains("400005******5556");
    }

    @Test
    void toStringShowsNoneOfTheShoppersDetailsNorTheClientSecret() {
        String text = read(fullRequest(), PaymentRequest.Kind.CREATE).toString();
        for (String secret : new String[] {"Ann", "Shopper", "Cardholder", "ann.shopper@example.com", "5550123987",
                "Billing Lane", "bill@example.com", "Shipping Road", "5550999111", "gift for Bob",
                "TopSecretValue"}) {
            assertThat(text).as(secret).doesNotContain(secret);
        }
    }

    @Test
    void toStringStillShowsWhatHelpsToDebug() {
        String text = read(fullRequest(), PaymentRequest.Kind.CREATE).toString();
        assertThat(text).contains("amount=1000", "currency=USD", "captureMethod=manual", "amountToCapture=600",
                "email=***", "cardCvc=***", "billing=***");
        assertThat(read("{\"amount\":5,\"currency\":\"EUR\"}", PaymentRequest.Kind.CREATE).toString())
                .contains("email=null", "card=null", "cardCvc=null");
    }

    @Test
    void aCvcOnConfirmIsHiddenToo() {
        PaymentRequest confirm = read("{\"card_cvc\":\"" + TOP_LEVEL_CVC + "\"}", PaymentRequest.Kind.CONFIRM);
        assertThat(confirm.cardCvc()).isEqualTo(TOP_LEVEL_CVC);
        assertThat(confirm.toString()).doesNotContain(TOP_LEVEL_CVC);
    }

    @Test
    void aShortLuhnValidCardNumberIsAnInvalidRequestThatDoesNotEchoIt() {
        String shortPan = "12345678903";
        try {
            read("{\"amount\":1000,\"currency\":\"USD\",\"payment_method_data\":{\"card\":{\"card_number\":\""
                    + shortPan + "\",\"card_exp_month\":\"12\",\"card_exp_year\":\"2040\"}}}",
                    PaymentRequest.Kind.CREATE);
        } catch (ApiException e) {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.getMessage()).contains("card_number").doesNotContain(shortPan);
            return;
        }
        throw new AssertionError("a short card number was accepted");
    }
}
