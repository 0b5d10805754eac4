package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Create, update and confirm against the simulator: approvals, declines, manual retry, and card masking. */
class PaymentFlowIT extends PaymentTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = merchantWithConnector();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "4242424242424242, Visa",
            "4111111111111111, Visa",
            "5555555555554444, Mastercard",
            "378282246310005, AmericanExpress",
            "6011111111111117, Discover",
            "38000000000006, DinersClub"})
    void aSuccessCardSucceedsWithTheFullAmountReceivedAndOnlyAMaskedCardInTheResponse(String pan, String network) {
        var r = post("/payments", merchant.apiKey(), body(1000, "automatic", pan, true)).expect(200);
        JsonNode p = r.json();
        assertThat(status(p)).isEqualTo("succeeded");
        assertThat(p.get("amount").longValue()).isEqualTo(1000);
        assertThat(p.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(p.get("attempt_count").intValue()).isEqualTo(1);
        assertThat(text(p, "connector")).isEqualTo("stripe_test");
        assertThat(text(p, "error_code")).isNull();
        JsonNode card = p.get("payment_method_data").get("card");
        assertThat(text(card, "last4")).isEqualTo(pan.substring(pan.length() - 4));
        assertThat(text(card, "card_isin")).isEqualTo(pan.substring(0, 6));
        assertThat(text(card, "card_network")).isEqualTo(network);
        assertThat(text(card, "card_exp_month")).isEqualTo("12");
        assertThat(text(card, "card_exp_year")).isEqualTo("2030");
        assertThat(card.has("card_number")).isFalse();
        assertThat(card.has("card_cvc")).isFalse();
        assertThat(r.body()).doesNotContain(pan).doesNotContainPattern("(?<![0-9])" + CVC + "(?![0-9])");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(p), 1))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"4242424242424242", "378282246310005"})
    void theDatabaseNeverHoldsThePanOrTheCvcInClear(String pan) {
        // Created first (the card waits in the vault encrypted, its CVC dropped: see CardVaultIT), then confirmed
        // from the vault, so without a CVC.
        JsonNode created = create(merchant, body(1000, "automatic", pan, false));
        assertNoCardSecrets(storedRows(merchant.merchantId(), id(created)), pan, CVC);
        post("/payments/" + id(created) + "/confirm", merchant.apiKey(), "{}").expect(200);
        assertNoCardSecrets(storedRows(merchant.merchantId(), id(created)), pan, CVC);

        JsonNode direct = pay(merchant, pan);
        assertNoCardSecrets(storedRows(merchant.merchantId(), id(direct)), pan, CVC);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "4000000000000002, card_declined",
            "5105105105105100, card_declined",
            "4000000000009995, insufficient_funds",
            "4000000000009987, lost_card",
            "4000000000009979, stolen_card",
            "4012888888881881, card_not_supported"})
    void aDeclineCardFailsWithTheProcessorsErrorCodeAndMessage(String pan, String errorCode) {
        JsonNode p = pay(merchant, pan);
        assertThat(status(p)).isEqualTo("failed");
        assertThat(text(p, "error_code")).isEqualTo(errorCode);
        assertThat(text(p, "error_message")).isNotBlank();
        assertThat(p.get("manual_retry_allowed").booleanValue()).isTrue();
        assertThat(p.get("amount_received").isNull()).isTrue();
        assertThat(p.get("amount_capturable").longValue()).isZero();
        JsonNode stored = retrieve(merchant, id(p));
        assertThat(status(stored)).isEqualTo("failed");
        assertThat(text(stored, "error_code")).isEqualTo(errorCode);
        assertThat(text(stored, "error_message")).isEqualTo(text(p, "error_message"));
    }

    @Test
    void aConfirmMayStillChangeWhatAnUpdateCouldAsInTheReference() {
        JsonNode p = create(merchant, body(1000, "automatic", VISA, false));
        JsonNode confirmed = post("/payments/" + id(p) + "/confirm", merchant.apiKey(),
                "{\"amount\":1500,\"capture_method\":\"manual\",\"statement_descriptor_name\":\"SHOES\"}")
                .expect(200).json();
        assertThat(status(confirmed)).isEqualTo("requires_capture");
        assertThat(confirmed.get("amount").longValue()).isEqualTo(1500);
        assertThat(confirmed.get("amount_capturable").longValue()).isEqualTo(1500);
        assertThat(text(confirmed, "statement_descriptor_name")).isEqualTo("SHOES");
        // The same checks as an update's, before anything reaches the processor.
        JsonNode q = create(merchant, body(1000, "manual", VISA, false));
        post("/payments/" + id(q) + "/confirm", merchant.apiKey(), "{\"amount_to_capture\":2000}")
                .expectError(422, "IR_06");
        assertThat(status(retrieve(merchant, id(q)))).isEqualTo("requires_confirmation");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(q), 1))).isZero();
    }

    @Test
    void aFailedPaymentWhoseAttemptHadCapturedMoneyCannotBeConfirmedAgain() {
        JsonNode p = create(merchant, body(1000, "manual_multiple", VISA, true));
        post("/payments/" + id(p) + "/capture", merchant.apiKey(), "{\"amount_to_capture\":600}").expect(200);
        // The processor later reports the attempt failed, as a sync would record it (the simulator never does).
        jdbc.sql("update payment_attempt set status = 'failure' where merchant_id = ? and attempt_id = ?")
                .params(merchant.merchantId(), attempt(id(p), 1)).update();
        jdbc.sql("update payment_intent set status = 'failed' where merchant_id = ? and payment_id = ?")
                .params(merchant.merchantId(), id(p)).update();

        JsonNode failed = retrieve(merchant, id(p));
        assertThat(status(failed)).isEqualTo("failed");
        assertThat(failed.get("manual_retry_allowed").booleanValue()).isFalse();
        post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{\"amount\":100," + card(VISA) + "}")
                .expectError(400, "IR_16");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(p), 2))).isZero();
        assertThat(retrieve(merchant, id(p)).get("amount_received").longValue()).isEqualTo(600);
    }

    @Test
    void manualRetryAllowedIsFalseOnceThePaymentIsSettledOrWithTheProcessorAndNullBefore() {
        assertThat(create(merchant, body(1000, "automatic", VISA, false)).get("manual_retry_allowed").isNull())
                .isTrue();
        assertThat(pay(merchant, VISA).get("manual_retry_allowed").booleanValue()).isFalse();
        assertThat(create(merchant, body(1000, "manual", VISA, true)).get("manual_retry_allowed").booleanValue())
                .isFalse();
    }

    @Test
    void aFailedPaymentCanBeConfirmedAgainWithAGoodCardOnANewAttempt() {
        JsonNode failed = pay(merchant, DECLINED);
        assertThat(status(failed)).isEqualTo("failed");

        JsonNode retried = post("/payments/" + id(failed) + "/confirm", merchant.apiKey(),
                "{" + card(VISA) + "}").expect(200).json();

        assertThat(status(retried)).isEqualTo("succeeded");
        assertThat(retried.get("attempt_count").intValue()).isEqualTo(2);
        assertThat(retried.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(text(retried, "error_code")).isNull();
        assertThat(text(retried.get("payment_method_data").get("card"), "last4")).isEqualTo("4242");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(failed), 1))).isEqualTo(1);
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(failed), 2))).isEqualTo(1);
        assertThat(jdbc.sql("select status from payment_attempt where merchant_id = ? and payment_id = ? "
                        + "order by attempt_id")
                .params(merchant.merchantId(), id(failed)).query(String.class).list())
                .containsExactly("failure", "charged");
    }

    @Test
    void aRetryWithoutACardUsesTheStoredCardAgain() {
        JsonNode failed = pay(merchant, DECLINED);
        JsonNode retried = post("/payments/" + id(failed) + "/confirm", merchant.apiKey(), "{}").expect(200).json();
        assertThat(status(retried)).isEqualTo("failed");
        assertThat(retried.get("attempt_count").intValue()).isEqualTo(2);
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(failed), 2))).isEqualTo(1);
    }

    @Test
    void createWithACardButWithoutConfirmWaitsForConfirmationAndCallsNoProcessor() {
        JsonNode p = create(merchant, body(1000, "automatic", VISA, false));
        assertThat(status(p)).isEqualTo("requires_confirmation");
        assertThat(p.get("attempt_count").intValue()).isZero();
        assertThat(text(p.get("payment_method_data").get("card"), "last4")).isEqualTo("4242");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(p), 1))).isZero();
    }

    @Test
    void createWithoutACardWaitsForAPaymentMethod() {
        JsonNode p = create(merchant, "{\"amount\":1000,\"currency\":\"USD\"}");
        assertThat(status(p)).isEqualTo("requires_payment_method");
        assertThat(p.get("payment_method_data").isNull()).isTrue();
        assertThat(text(p, "capture_method")).isEqualTo("automatic");
    }

    @Test
    void aPaymentCreatedWithoutACardIsConfirmedWithOne() {
        JsonNode p = create(merchant, "{\"amount\":1000,\"currency\":\"USD\"}");
        JsonNode confirmed = post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{" + card(VISA) + "}")
                .expect(200).json();
        assertThat(status(confirmed)).isEqualTo("succeeded");
        assertThat(confirmed.get("amount_received").longValue()).isEqualTo(1000);
    }

    @Test
    void confirmOfAPaymentWithoutACardIsRejectedAndCallsNoProcessor() {
        JsonNode p = create(merchant, "{\"amount\":1000,\"currency\":\"USD\"}");
        post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expectError(400, "IR_04");
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("requires_payment_method");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(p), 1))).isZero();
    }

    @Test
    void updateBeforeConfirmChangesTheAmountAndTheLaterConfirmChargesTheNewAmount() {
        JsonNode p = create(merchant, body(1000, "automatic", VISA, false));
        JsonNode updated = post("/payments/" + id(p), merchant.apiKey(), "{\"amount\":2500,\"description\":\"x\"}")
                .expect(200).json();
        assertThat(updated.get("amount").longValue()).isEqualTo(2500);
        assertThat(text(updated, "description")).isEqualTo("x");
        assertThat(status(updated)).isEqualTo("requires_confirmation");
        assertThat(retrieve(merchant, id(p)).get("amount").longValue()).isEqualTo(2500);

        JsonNode confirmed = post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expect(200).json();
        assertThat(status(confirmed)).isEqualTo("succeeded");
        assertThat(confirmed.get("amount").longValue()).isEqualTo(2500);
        assertThat(confirmed.get("amount_received").longValue()).isEqualTo(2500);
    }

    @Test
    void updateGivesAPaymentWithoutACardOneAndItThenWaitsForConfirmation() {
        JsonNode p = create(merchant, "{\"amount\":1000,\"currency\":\"USD\"}");
        JsonNode updated = post("/payments/" + id(p), merchant.apiKey(), "{" + card(VISA) + "}").expect(200).json();
        assertThat(status(updated)).isEqualTo("requires_confirmation");
        assertThat(status(post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expect(200).json()))
                .isEqualTo("succeeded");
    }

    @Test
    void updateAfterConfirmIsRejectedWithIr14() {
        JsonNode p = pay(merchant, VISA);
        assertThat(post("/payments/" + id(p), merchant.apiKey(), "{\"amount\":5}").expectError(400, "IR_14")
                .message()).startsWith("This Payment could not be updated because it has a status of succeeded");
        assertThat(retrieve(merchant, id(p)).get("amount").longValue()).isEqualTo(1000);
    }

    @Test
    void confirmOfASucceededPaymentIsRejectedWithIr14AndCallsNoProcessor() {
        JsonNode p = pay(merchant, VISA);
        assertThat(post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expectError(400, "IR_14")
                .message()).isEqualTo("This Payment could not be confirmed because it has a status of succeeded. "
                + "The expected state is requires_payment_method, requires_confirmation, failed");
        assertThat(simulator.count(Operation.AUTHORIZE, processorReference(merchant.merchantId(), id(p), 2))).isZero();
        assertThat(retrieve(merchant, id(p)).get("attempt_count").intValue()).isEqualTo(1);
    }

    @Test
    void retrieveAnswersWhatConfirmAnswered() {
        JsonNode p = pay(merchant, VISA);
        assertThat(retrieve(merchant, id(p))).isEqualTo(p);
        assertThat(get("/payments/" + id(p) + "?force_sync=true", merchant.apiKey()).expect(200).json()
                .get("status").stringValue()).isEqualTo("succeeded");
    }

    @Test
    void retrieveFlagsAreTrueOrFalseAndAnythingElseIsA400() {
        JsonNode p = pay(merchant, VISA);
        get("/payments/" + id(p) + "?force_sync=false&expand_attempts=false", merchant.apiKey()).expect(200);
        get("/payments/" + id(p) + "?force_sync=maybe", merchant.apiKey()).expectError(400, "IR_06");
        get("/payments/" + id(p) + "?expand_attempts=1", merchant.apiKey()).expectError(400, "IR_06");
    }

    @Test
    void aMerchantSuppliedPaymentIdIsKeptAndTheAttemptIsNamedAfterIt() {
        String paymentId = unique("pay_own");
        JsonNode p = create(merchant, "{\"payment_id\":\"" + paymentId + "\",\"amount\":700,\"currency\":\"EUR\","
                + "\"confirm\":true," + card(VISA) + "}");
        assertThat(id(p)).isEqualTo(paymentId);
        assertThat(text(p, "client_secret")).startsWith(paymentId + "_secret_");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), paymentId, 1))).isEqualTo(1);
    }

    @Test
    void expandAttemptsListsEveryAttemptOldestFirstAndAPlainRetrieveLeavesThemOut() {
        JsonNode declined = pay(merchant, DECLINED);
        String id = id(declined);
        post("/payments/" + id + "/confirm", merchant.apiKey(), "{" + card(VISA) + "}").expect(200);

        JsonNode expanded = get("/payments/" + id + "?expand_attempts=true", merchant.apiKey()).expect(200).json();

        JsonNode attempts = expanded.get("attempts");
        assertThat(attempts.valueStream().map(a -> a.get("attempt_id").stringValue()))
                .containsExactly(attempt(id, 1), attempt(id, 2));
        assertThat(text(attempts.get(0), "status")).isEqualTo("failure");
        assertThat(text(attempts.get(0), "error_code")).isEqualTo("card_declined");
        assertThat(text(attempts.get(1), "status")).isEqualTo("charged");
        assertThat(text(attempts.get(1), "connector_transaction_id"))
                .isEqualTo(text(expanded, "connector_transaction_id"));
        assertThat(attempts.get(1).get("amount").longValue()).isEqualTo(1000);
        assertThat(text(attempts.get(1), "connector")).isEqualTo("stripe_test");
        assertThat(expanded.get("payment_method_id").isNull()).isTrue();
        assertThat(retrieve(merchant, id).get("attempts").isNull()).isTrue();
    }
}
