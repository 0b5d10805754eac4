package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Manual and multiple captures, and voids, against the simulator. */
class PaymentCaptureCancelIT extends PaymentTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = merchantWithConnector();
    }

    private JsonNode authorized(String captureMethod) {
        JsonNode p = create(merchant, body(1000, captureMethod, VISA, true));
        assertThat(status(p)).isEqualTo("requires_capture");
        assertThat(p.get("amount_capturable").longValue()).isEqualTo(1000);
        assertThat(p.get("amount_received").isNull()).isTrue();
        return p;
    }

    private Response capture(JsonNode p, String body) {
        return post("/payments/" + id(p) + "/capture", merchant.apiKey(), body);
    }

    private long captures(JsonNode p) {
        return simulator.count(Operation.CAPTURE, processorReference(merchant.merchantId(), id(p), 1));
    }

    @Test
    void aManualPaymentIsAuthorizedOnlyAndWaitsForCapture() {
        JsonNode p = authorized("manual");
        assertThat(text(p, "capture_method")).isEqualTo("manual");
        assertThat(captures(p)).isZero();
        assertThat(retrieve(merchant, id(p)).get("status").stringValue()).isEqualTo("requires_capture");
    }

    @Test
    void aFullCaptureOfAManualPaymentSucceeds() {
        JsonNode p = authorized("manual");
        JsonNode captured = capture(p, "{\"amount_to_capture\":1000}").expect(200).json();
        assertThat(status(captured)).isEqualTo("succeeded");
        assertThat(captured.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(captured.get("amount_capturable").longValue()).isZero();
        assertThat(captures(p)).isEqualTo(1);
        assertThat(retrieve(merchant, id(p)).get("status").stringValue()).isEqualTo("succeeded");
    }

    @Test
    void aCaptureWithoutAnAmountCapturesEverythingCapturable() {
        JsonNode p = authorized("manual");
        JsonNode captured = capture(p, null).expect(200).json();
        assertThat(status(captured)).isEqualTo("succeeded");
        assertThat(captured.get("amount_received").longValue()).isEqualTo(1000);
    }

    @Test
    void aPartialCaptureOfAManualPaymentIsPartiallyCapturedAndReleasesTheRest() {
        JsonNode p = authorized("manual");
        JsonNode captured = capture(p, "{\"amount_to_capture\":400}").expect(200).json();
        assertThat(status(captured)).isEqualTo("partially_captured");
        assertThat(captured.get("amount_received").longValue()).isEqualTo(400);
        assertThat(captured.get("amount_capturable").longValue()).isZero();
        // partially_captured is terminal: no second capture, and no cancel (400 were captured).
        capture(p, "{\"amount_to_capture\":100}").expectError(400, "IR_14");
        post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expectError(400, "IR_14");
        assertThat(captures(p)).isEqualTo(1);
        assertThat(simulator.count(Operation.VOID, processorReference(merchant.merchantId(), id(p), 1))).isZero();
    }

    @Test
    void manualMultipleTakesSeveralPartialCapturesUntilTheAmountIsUsedUpAndListsThem() {
        JsonNode p = authorized("manual_multiple");

        JsonNode first = capture(p, "{\"amount_to_capture\":300}").expect(200).json();
        assertThat(status(first)).isEqualTo("partially_captured_and_capturable");
        assertThat(first.get("amount_received").longValue()).isEqualTo(300);
        assertThat(first.get("amount_capturable").longValue()).isEqualTo(700);

        JsonNode second = capture(p, "{\"amount_to_capture\":200}").expect(200).json();
        assertThat(status(second)).isEqualTo("partially_captured_and_capturable");
        assertThat(second.get("amount_received").longValue()).isEqualTo(500);
        assertThat(second.get("amount_capturable").longValue()).isEqualTo(500);

        JsonNode last = capture(p, "{\"amount_to_capture\":500}").expect(200).json();
        assertThat(status(last)).isEqualTo("succeeded");
        assertThat(last.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(last.get("amount_capturable").longValue()).isZero();

        List<JsonNode> rows = last.get("captures").valueStream().toList();
        assertThat(rows).extracting(c -> c.get("amount").longValue()).containsExactly(300L, 200L, 500L);
        assertThat(rows).extracting(c -> c.get("status").stringValue()).containsOnly("charged");
        assertThat(rows).extracting(c -> c.get("capture_id").stringValue()).doesNotHaveDuplicates();
        assertThat(captures(p)).isEqualTo(3);
        assertThat(retrieve(merchant, id(p)).get("captures")).isEqualTo(last.get("captures"));
    }

    @Test
    void aManualMultipleCaptureWithoutAnAmountIsA400AndChargesNothing() {
        JsonNode p = authorized("manual_multiple");

        Response r = capture(p, "{}");

        r.expectError(400, "IR_04");
        assertThat(r.message()).isEqualTo("Missing required param: amount_to_capture");
        assertThat(captures(p)).isZero();
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("requires_capture");
    }

    @Test
    void aCaptureAboveTheCapturableAmountIsRejectedWithTheEnvelopeAndChargesNothing() {
        JsonNode p = authorized("manual");
        Response r = capture(p, "{\"amount_to_capture\":1001}");
        assertThat(r.status()).isBetween(400, 499);
        r.expectError(r.status(), "IR_06");
        assertThat(r.message()).contains("amount_to_capture");
        assertThat(captures(p)).isZero();
        JsonNode after = retrieve(merchant, id(p));
        assertThat(status(after)).isEqualTo("requires_capture");
        assertThat(after.get("amount_capturable").longValue()).isEqualTo(1000);
        // Still capturable in full afterwards.
        assertThat(status(capture(p, "{\"amount_to_capture\":1000}").expect(200).json())).isEqualTo("succeeded");
        assertThat(captures(p)).isEqualTo(1);
    }

    @Test
    void aCaptureAboveWhatIsLeftAfterPartialCapturesIsRejectedAndChargesNothingMore() {
        JsonNode p = authorized("manual_multiple");
        capture(p, "{\"amount_to_capture\":600}").expect(200).json();
        Response r = capture(p, "{\"amount_to_capture\":401}");
        assertThat(r.status()).isBetween(400, 499);
        r.expectError(r.status(), "IR_06");
        assertThat(captures(p)).isEqualTo(1);
        JsonNode after = retrieve(merchant, id(p));
        assertThat(status(after)).isEqualTo("partially_captured_and_capturable");
        assertThat(after.get("amount_received").longValue()).isEqualTo(600);
        assertThat(after.get("captures").size()).isEqualTo(1);
    }

    @Test
    void aZeroOrNegativeCaptureIsRejected() {
        JsonNode p = authorized("manual");
        capture(p, "{\"amount_to_capture\":0}").expectError(400, "IR_06");
        capture(p, "{\"amount_to_capture\":-5}").expectError(400, "IR_06");
        capture(p, "{\"amount_to_capture\":1.5}").expectError(400, "IR_06");
        assertThat(captures(p)).isZero();
    }

    @Test
    void captureOfAnAutomaticPaymentIsRejectedWithIr14() {
        JsonNode p = pay(merchant, VISA);
        assertThat(capture(p, "{\"amount_to_capture\":1000}").expectError(400, "IR_14").message())
                .isEqualTo("This Payment could not be captured because it has a capture_method of automatic. "
                        + "The expected state is manual, manual_multiple, scheduled");
        assertThat(captures(p)).isZero();
    }

    @Test
    void captureOfAnUnconfirmedManualPaymentIsRejectedWithIr14() {
        JsonNode p = create(merchant, body(1000, "manual", VISA, false));
        capture(p, "{\"amount_to_capture\":1000}").expectError(400, "IR_14");
    }

    @Test
    void cancelFromRequiresCaptureVoidsAtTheProcessor() {
        JsonNode p = authorized("manual");
        JsonNode cancelled = post("/payments/" + id(p) + "/cancel", merchant.apiKey(),
                "{\"cancellation_reason\":\"customer changed mind\"}").expect(200).json();
        assertThat(status(cancelled)).isEqualTo("cancelled");
        assertThat(text(cancelled, "cancellation_reason")).isEqualTo("customer changed mind");
        assertThat(cancelled.get("amount_capturable").longValue()).isZero();
        assertThat(simulator.count(Operation.VOID, processorReference(merchant.merchantId(), id(p), 1))).isEqualTo(1);
        JsonNode stored = retrieve(merchant, id(p));
        assertThat(status(stored)).isEqualTo("cancelled");
        assertThat(text(stored, "cancellation_reason")).isEqualTo("customer changed mind");
        // Nothing can be captured any more.
        capture(p, "{\"amount_to_capture\":1000}").expectError(400, "IR_14");
        assertThat(captures(p)).isZero();
    }

    @Test
    void cancelAfterAPartialCaptureOfManualMultipleReleasesTheRest() {
        JsonNode p = authorized("manual_multiple");
        capture(p, "{\"amount_to_capture\":300}").expect(200).json();
        JsonNode cancelled = post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expect(200).json();
        assertThat(simulator.count(Operation.VOID, processorReference(merchant.merchantId(), id(p), 1))).isEqualTo(1);
        // The simulator answers partial_charged (300 kept, rest released): the payment is partially captured.
        assertThat(status(cancelled)).isEqualTo("partially_captured");
        assertThat(cancelled.get("amount_received").longValue()).isEqualTo(300);
        assertThat(cancelled.get("amount_capturable").longValue()).isZero();
    }

    @Test
    void cancelOfAnUnconfirmedPaymentCancelsWithoutAnyProcessorCall() {
        JsonNode p = create(merchant, body(1000, "manual", VISA, false));
        JsonNode cancelled = post("/payments/" + id(p) + "/cancel", merchant.apiKey(),
                "{\"cancellation_reason\":\"duplicate\"}").expect(200).json();
        assertThat(status(cancelled)).isEqualTo("cancelled");
        assertThat(text(cancelled, "cancellation_reason")).isEqualTo("duplicate");
        // Never authorized, now ended: nothing is or will be capturable, and no new attempt can be made.
        assertThat(p.get("amount_capturable").longValue()).isEqualTo(1000);
        assertThat(cancelled.get("amount_capturable").longValue()).isZero();
        assertThat(cancelled.get("manual_retry_allowed").booleanValue()).isFalse();
        assertThat(simulator.count(Operation.AUTHORIZE, processorReference(merchant.merchantId(), id(p), 1))).isZero();
        assertThat(simulator.count(Operation.VOID, processorReference(merchant.merchantId(), id(p), 1))).isZero();
        // A cancelled payment can no longer be confirmed.
        post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expectError(400, "IR_14");
        assertThat(simulator.count(Operation.AUTHORIZE, processorReference(merchant.merchantId(), id(p), 1))).isZero();
    }

    @Test
    void cancelOfAPaymentWithoutACardCancelsIt() {
        JsonNode p = create(merchant, "{\"amount\":1000,\"currency\":\"USD\"}");
        assertThat(status(post("/payments/" + id(p) + "/cancel", merchant.apiKey(), null).expect(200).json()))
                .isEqualTo("cancelled");
    }

    @Test
    void cancelOfASucceededPaymentIsRejectedWithIr14() {
        JsonNode p = pay(merchant, VISA);
        assertThat(post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{\"cancellation_reason\":\"x\"}")
                .expectError(400, "IR_14").message())
                .startsWith("This Payment could not be cancelled because it has a status of succeeded");
        assertThat(simulator.count(Operation.VOID, processorReference(merchant.merchantId(), id(p), 1))).isZero();
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("succeeded");
    }

    @Test
    void cancelOfACancelledOrFailedPaymentIsRejectedWithIr14() {
        JsonNode p = create(merchant, body(1000, "manual", VISA, false));
        post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expect(200);
        post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expectError(400, "IR_14");
        JsonNode failed = pay(merchant, DECLINED);
        post("/payments/" + id(failed) + "/cancel", merchant.apiKey(), "{}").expectError(400, "IR_14");
    }

    @Test
    void sequentialAutomaticIsChargedLikeAutomatic() {
        JsonNode p = create(merchant, body(1000, "sequential_automatic", VISA, true));

        assertThat(status(p)).isEqualTo("succeeded");
        assertThat(p.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(p.get("amount_capturable").longValue()).isZero();
        capture(p, "{}").expectError(400, "IR_14");
    }

    @Test
    void aCaptureOrCancelWhoseConnectorAccountWasDeletedIsRefusedAndChangesNothing() {
        JsonNode p = authorized("manual");
        delete("/account/" + merchant.merchantId() + "/connectors/" + text(p, "merchant_connector_id"),
                merchant.apiKey()).expect(200);

        capture(p, "{\"amount_to_capture\":1000}").expectError(404, "HE_02");
        post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expectError(404, "HE_02");

        JsonNode after = retrieve(merchant, id(p));
        assertThat(status(after)).isEqualTo("requires_capture");
        assertThat(after.get("amount_capturable").longValue()).isEqualTo(1000);
        assertThat(captures(p)).isZero();
        assertThat(attemptStatus(p)).isEqualTo("authorized");
    }

    @Test
    void aCaptureRefusedBecauseTheAuthorizationWasReleasedAtTheProcessorRecordsTheRelease() {
        JsonNode p = authorized("manual");
        // The authorization was released at the processor, behind the switch's back.
        atProcessor(p, "void", "{}");

        JsonNode refused = capture(p, "{\"amount_to_capture\":1000}").expect(200).json();

        // The switch asked the processor what the payment is now, instead of guessing "failed".
        assertThat(status(refused)).isEqualTo("cancelled");
        assertThat(text(refused, "error_code")).isEqualTo("payment_unexpected_state");
        assertThat(text(refused, "error_message")).isNotBlank();
        assertThat(refused.get("amount_capturable").longValue()).isZero();
        assertThat(refused.get("amount_received").isNull()).isTrue();
        assertThat(refused.get("captures").get(0).get("status").stringValue()).isEqualTo("failed");
        assertThat(text(refused.get("captures").get(0), "error_code")).isEqualTo("payment_unexpected_state");
        assertThat(attemptStatus(p)).isEqualTo("voided");
        assertThat(retrieve(merchant, id(p))).isEqualTo(refused);
        capture(p, "{\"amount_to_capture\":1000}").expectError(400, "IR_14");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(p), 2))).isZero();
    }

    @Test
    void aVoidRefusedBecauseThePaymentWasCapturedAtTheProcessorRecordsTheCharge() {
        JsonNode p = authorized("manual");
        // Captured at the processor behind the switch's back: there is nothing left to void.
        atProcessor(p, "capture", "{\"amount\":1000}");

        JsonNode refused = post("/payments/" + id(p) + "/cancel", merchant.apiKey(),
                "{\"cancellation_reason\":\"out of stock\"}").expect(200).json();

        // Not "failed": the money was taken, and the merchant can refund it.
        assertThat(status(refused)).isEqualTo("succeeded");
        assertThat(text(refused, "error_code")).isEqualTo("payment_unexpected_state");
        assertThat(refused.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(refused.get("amount_capturable").longValue()).isZero();
        assertThat(attemptStatus(p)).isEqualTo("charged");
        assertThat(simulator.count(Operation.VOID, processorReference(merchant.merchantId(), id(p), 1))).isZero();
        assertThat(retrieve(merchant, id(p))).isEqualTo(refused);
        post("/refunds", merchant.apiKey(), "{\"payment_id\":\"" + id(p) + "\",\"amount\":1000}").expect(200);
    }

    @Test
    void aLaterCaptureRefusedBecauseTheRestWasCapturedAtTheProcessorRecordsAllThatWasCaptured() {
        JsonNode p = authorized("manual_multiple");
        capture(p, "{\"amount_to_capture\":400}").expect(200);
        // The rest was captured at the processor behind the switch's back: it refuses a second capture of it.
        atProcessor(p, "capture", "{\"amount\":600}");

        JsonNode refused = capture(p, "{\"amount_to_capture\":300}").expect(200).json();

        assertThat(status(refused)).isEqualTo("succeeded");
        assertThat(refused.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(refused.get("amount_capturable").longValue()).isZero();
        // The refused capture of 300 took nothing, whatever else the processor captured meanwhile.
        assertThat(refused.get("captures").valueStream().map(c -> c.get("status").stringValue()))
                .containsExactly("charged", "failed");
        assertThat(text(refused.get("captures").get(1), "error_code")).isNotBlank();
        assertThat(attemptStatus(p)).isEqualTo("charged");
        assertThat(retrieve(merchant, id(p))).isEqualTo(refused);
    }

    @Test
    void aVoidRefusedBecauseTheRestWasCapturedAtTheProcessorRecordsAllThatWasCaptured() {
        JsonNode p = authorized("manual_multiple");
        capture(p, "{\"amount_to_capture\":400}").expect(200);
        atProcessor(p, "capture", "{\"amount\":600}");

        JsonNode refused = post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expect(200).json();

        assertThat(status(refused)).isEqualTo("succeeded");
        assertThat(refused.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(attemptStatus(p)).isEqualTo("charged");
    }

    private String attemptStatus(JsonNode p) {
        return jdbc.sql("select status from payment_attempt where merchant_id = ? and attempt_id = ?")
                .params(merchant.merchantId(), attempt(id(p), 1)).query(String.class).single();
    }

    /** Calls the processor's own API for the payment, as its dashboard would; the switch hears nothing of it. */
    private void atProcessor(JsonNode p, String action, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/simulator/payments/"
                        + text(p, "connector_transaction_id") + "/" + action))
                .header("X-Simulator-Api-Key", PROCESSOR_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancelRejectsUnknownFieldsAndOverlongReasons() {
        JsonNode p = authorized("manual");
        post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{\"reason\":\"x\"}").expectError(400, "IR_06");
        post("/payments/" + id(p) + "/cancel", merchant.apiKey(),
                "{\"cancellation_reason\":\"" + "x".repeat(256) + "\"}").expectError(400, "IR_06");
        assertThat(simulator.count(Operation.VOID, processorReference(merchant.merchantId(), id(p), 1))).isZero();
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("requires_capture");
    }
}
