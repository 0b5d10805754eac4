package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code amount_to_capture} on create and update (reference §3): at most the amount, equal to it with automatic
 * capture, shown on the payment, and what a capture without an amount takes.
 */
class PaymentAmountToCaptureIT extends PaymentTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = merchantWithConnector();
    }


    /** A create body of 1000 USD with the card, confirmed or not, plus {@code extra} fields. */
    private static String bodyWith(String captureMethod, boolean confirm, String extra) {
        String b = body(1000, captureMethod, VISA, confirm);
        return b.substring(0, b.length() - 1) + "," + extra + "}";
    }

    private Response capture(String paymentId, String body) {
        return post("/payments/" + paymentId + "/capture", merchant.apiKey(), body);
    }

    private static Long amountToCapture(JsonNode payment) {
        JsonNode v = payment.get("amount_to_capture");
        assertThat(v).as("amount_to_capture is always in the response").isNotNull();
        return v.isNull() ? null : v.longValue();
    }

    @Test
    void anAmountToCaptureAboveTheAmountIsA400AndStoresNothing() {
        Response r = post("/payments", merchant.apiKey(), bodyWith("manual", true, "\"amount_to_capture\":1001"));
        assertThat(r.expectError(422, "IR_06").message()).isEqualTo("amount_to_capture is greater than amount");
        assertThat(payments(merchant)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-1", "1.5", "\"600\"", "1e3"})
    void anAmountToCaptureThatIsNotAPositiveIntegerIsA400(String value) {
        Response r = post("/payments", merchant.apiKey(), bodyWith("manual", false, "\"amount_to_capture\":" + value));
        r.expectError(400, "IR_06");
        assertThat(r.message()).contains("amount_to_capture");
        assertThat(payments(merchant)).isZero();
    }

    @Test
    void withAutomaticCaptureAnAmountToCaptureOtherThanTheAmountIsA400() {
        Response r = post("/payments", merchant.apiKey(), bodyWith("automatic", true, "\"amount_to_capture\":600"));
        assertThat(r.expectError(400, "IR_16").message()).contains("amount_to_capture").contains("automatic");
        // Automatic is also the default capture method.
        post("/payments", merchant.apiKey(), "{\"amount\":1000,\"currency\":\"USD\",\"amount_to_capture\":999}")
                .expectError(400, "IR_16");
        assertThat(payments(merchant)).isZero();
    }

    @Test
    void withAutomaticCaptureAnAmountToCaptureEqualToTheAmountIsAcceptedAndShown() {
        JsonNode p = create(merchant, bodyWith("automatic", true, "\"amount_to_capture\":1000"));
        assertThat(status(p)).isEqualTo("succeeded");
        assertThat(amountToCapture(p)).isEqualTo(1000);
        assertThat(p.get("amount_received").longValue()).isEqualTo(1000);
    }

    @Test
    void withoutAnAmountToCaptureTheResponseShowsNull() {
        assertThat(amountToCapture(create(merchant, body(1000, "manual", VISA, false)))).isNull();
    }

    @Test
    void theAmountToCaptureGivenAtCreateIsShownAndKept() {
        JsonNode p = create(merchant, bodyWith("manual", false, "\"amount_to_capture\":600"));
        assertThat(amountToCapture(p)).isEqualTo(600);
        assertThat(amountToCapture(retrieve(merchant, id(p)))).isEqualTo(600);
        JsonNode confirmed = post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expect(200).json();
        assertThat(status(confirmed)).isEqualTo("requires_capture");
        assertThat(amountToCapture(confirmed)).isEqualTo(600);
        assertThat(confirmed.get("amount_capturable").longValue()).isEqualTo(1000);
    }

    @Test
    void aCaptureWithoutAnAmountTakesTheAmountToCaptureGivenAtCreate() {
        JsonNode p = create(merchant, bodyWith("manual", true, "\"amount_to_capture\":600"));
        assertThat(status(p)).isEqualTo("requires_capture");
        JsonNode captured = capture(id(p), null).expect(200).json();
        assertThat(status(captured)).isEqualTo("partially_captured");
        assertThat(captured.get("amount_received").longValue()).isEqualTo(600);
        assertThat(captured.get("captures").get(0).get("amount").longValue()).isEqualTo(600);
        assertThat(simulator.count(Operation.CAPTURE, processorReference(merchant.merchantId(), id(p), 1)))
                .isEqualTo(1);
    }

    @Test
    void aCaptureWithAnAmountTakesThatAmountInstead() {
        JsonNode p = create(merchant, bodyWith("manual", true, "\"amount_to_capture\":600"));
        JsonNode captured = capture(id(p), "{\"amount_to_capture\":800}").expect(200).json();
        assertThat(captured.get("amount_received").longValue()).isEqualTo(800);
    }

    @Test
    void withManualMultipleOnlyTheFirstCaptureWithoutAnAmountTakesTheAmountToCapture() {
        JsonNode p = create(merchant, bodyWith("manual_multiple", true, "\"amount_to_capture\":300"));
        JsonNode first = capture(id(p), "{}").expect(200).json();
        assertThat(status(first)).isEqualTo("partially_captured_and_capturable");
        assertThat(first.get("amount_received").longValue()).isEqualTo(300);
        // Later captures of manual_multiple must name their amount, as every one must without an amount_to_capture.
        assertThat(capture(id(p), "{}").expectError(400, "IR_04").message()).contains("amount_to_capture");
        JsonNode rest = capture(id(p), "{\"amount_to_capture\":700}").expect(200).json();
        assertThat(status(rest)).isEqualTo("succeeded");
        assertThat(rest.get("amount_received").longValue()).isEqualTo(1000);
    }

    @Test
    void anUpdateMaySetTheAmountToCaptureThatALaterCaptureTakes() {
        JsonNode p = create(merchant, body(1000, "manual", VISA, false));
        assertThat(amountToCapture(post("/payments/" + id(p), merchant.apiKey(), "{\"amount_to_capture\":400}")
                .expect(200).json())).isEqualTo(400);
        post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expect(200);
        assertThat(capture(id(p), null).expect(200).json().get("amount_received").longValue()).isEqualTo(400);
    }

    @Test
    void anUpdateOfTheAmountAloneIsHeldToTheAmountToCaptureGivenBefore() {
        JsonNode p = create(merchant, bodyWith("manual", false, "\"amount_to_capture\":600"));
        String update = "/payments/" + id(p);
        assertThat(post(update, merchant.apiKey(), "{\"amount\":500}").expectError(422, "IR_06").message())
                .isEqualTo("amount_to_capture is greater than amount");
        JsonNode unchanged = retrieve(merchant, id(p));
        assertThat(unchanged.get("amount").longValue()).isEqualTo(1000);
        assertThat(amountToCapture(unchanged)).isEqualTo(600);
        // Switching to automatic capture needs amount_to_capture to match the amount.
        post(update, merchant.apiKey(), "{\"capture_method\":\"automatic\"}").expectError(400, "IR_16");
        JsonNode both = post(update, merchant.apiKey(), "{\"amount\":500,\"amount_to_capture\":500}").expect(200)
                .json();
        assertThat(both.get("amount").longValue()).isEqualTo(500);
        assertThat(amountToCapture(both)).isEqualTo(500);
        assertThat(status(post(update, merchant.apiKey(), "{\"capture_method\":\"automatic\"}").expect(200).json()))
                .isEqualTo("requires_confirmation");
    }

    @Test
    void aConfirmMayChangeTheAmountToCaptureWithinTheAmount() {
        // The reference's confirm takes the create's request type: what an update could change, a confirm can.
        JsonNode p = create(merchant, bodyWith("manual", false, "\"amount_to_capture\":600"));
        post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{\"amount_to_capture\":1001}")
                .expectError(422, "IR_06");
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("requires_confirmation");
        JsonNode confirmed = post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{\"amount_to_capture\":700}")
                .expect(200).json();
        assertThat(confirmed.get("amount_to_capture").longValue()).isEqualTo(700);
        JsonNode captured = post("/payments/" + id(p) + "/capture", merchant.apiKey(), "{}").expect(200).json();
        assertThat(captured.get("amount_received").longValue()).isEqualTo(700);
    }
}
