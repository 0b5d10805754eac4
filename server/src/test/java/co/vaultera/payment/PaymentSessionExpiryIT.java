package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code session_expiry} on create (reference §5, errors-auth §4.4): how long the payment's client_secret confirms
 * it, 60 s to 7,890,000 s, 15 minutes by default, shown as {@code expires_on}. An update or confirm that sends the
 * secret after that is a 400 IR_08; one that sends another payment's secret a 400 IR_09; the secret key alone still
 * confirms.
 */
class PaymentSessionExpiryIT extends PaymentTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = merchantWithConnector();
    }

    /** An unconfirmed 1000 USD payment with the card, plus {@code extra} fields. */
    private static String bodyWith(String extra) {
        String b = body(1000, "automatic", VISA, false);
        return b.substring(0, b.length() - 1) + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static Duration session(JsonNode payment) {
        return Duration.between(Instant.parse(text(payment, "created")), Instant.parse(text(payment, "expires_on")));
    }

    private Response confirmWithSecret(String paymentId, String clientSecret) {
        return post("/payments/" + paymentId + "/confirm", merchant.apiKey(),
                "{\"client_secret\":\"" + clientSecret + "\"}");
    }

    /** Moves the payment's session end into the past, as if its session_expiry had run out. */
    private void endSession(String paymentId) {
        assertThat(jdbc.sql("update payment_intent set session_expiry = now() - interval '1 second'"
                        + " where merchant_id = ? and payment_id = ?")
                .params(merchant.merchantId(), paymentId).update()).isEqualTo(1);
    }

    @Test
    void aPaymentCreatedWithoutSessionExpiryExpiresFifteenMinutesAfterItsCreation() {
        JsonNode p = create(merchant, bodyWith(""));
        assertThat(session(p)).isEqualTo(Duration.ofMinutes(15));
        assertThat(text(retrieve(merchant, id(p)), "expires_on")).isEqualTo(text(p, "expires_on"));
    }

    @Test
    void sessionExpiryGivenOnCreateSetsExpiresOnAndIsKept() {
        JsonNode p = create(merchant, bodyWith("\"session_expiry\":3600"));
        assertThat(session(p)).isEqualTo(Duration.ofHours(1));
        JsonNode confirmed = confirmWithSecret(id(p), text(p, "client_secret")).expect(200).json();
        assertThat(status(confirmed)).isEqualTo("succeeded");
        assertThat(text(confirmed, "expires_on")).isEqualTo(text(p, "expires_on"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"59", "7890001", "0", "-60", "900.5", "\"900\""})
    void aSessionExpiryOutsideOneMinuteToThreeMonthsOrNotAnIntegerIsA400AndStoresNothing(String value) {
        Response r = post("/payments", merchant.apiKey(), bodyWith("\"session_expiry\":" + value));
        r.expectError(400, "IR_06");
        assertThat(r.message()).contains("session_expiry");
        assertThat(payments(merchant)).isZero();
    }

    @Test
    void theBoundsOfSessionExpiryAreAccepted() {
        assertThat(session(create(merchant, bodyWith("\"session_expiry\":60")))).isEqualTo(Duration.ofMinutes(1));
        assertThat(session(create(merchant, bodyWith("\"session_expiry\":7890000"))))
                .isEqualTo(Duration.ofSeconds(7_890_000));
    }

    @Test
    void sessionExpiryIsACreateFieldOnly() {
        JsonNode p = create(merchant, bodyWith(""));
        post("/payments/" + id(p), merchant.apiKey(), "{\"session_expiry\":120}").expectError(400, "IR_06");
        post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{\"session_expiry\":120}")
                .expectError(400, "IR_06");
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("requires_confirmation");
    }

    @Test
    void aConfirmWithTheClientSecretAfterTheSessionEndedIsA400AndChargesNothing() {
        JsonNode p = create(merchant, bodyWith(""));
        endSession(id(p));
        Response r = confirmWithSecret(id(p), text(p, "client_secret"));
        assertThat(r.expectError(400, "IR_08").message()).isEqualTo("The provided client_secret has expired");
        JsonNode after = retrieve(merchant, id(p));
        assertThat(status(after)).isEqualTo("requires_confirmation");
        assertThat(after.get("attempt_count").intValue()).isZero();
    }

    @Test
    void anUpdateWithTheClientSecretAfterTheSessionEndedIsA400AndChangesNothing() {
        JsonNode p = create(merchant, bodyWith(""));
        endSession(id(p));
        Response r = post("/payments/" + id(p), merchant.apiKey(),
                "{\"client_secret\":\"" + text(p, "client_secret") + "\",\"amount\":2000}");
        assertThat(r.expectError(400, "IR_08").message()).isEqualTo("The provided client_secret has expired");
        assertThat(retrieve(merchant, id(p)).get("amount").longValue()).isEqualTo(1000);
    }

    @Test
    void anUpdateWithAnotherPaymentsClientSecretIsA400() {
        JsonNode p = create(merchant, bodyWith(""));
        JsonNode other = create(merchant, bodyWith(""));
        post("/payments/" + id(p), merchant.apiKey(),
                "{\"client_secret\":\"" + text(other, "client_secret") + "\",\"amount\":2000}")
                .expectError(400, "IR_09");
        assertThat(retrieve(merchant, id(p)).get("amount").longValue()).isEqualTo(1000);
    }

    @Test
    void theSecretKeyAloneStillConfirmsAPaymentWhoseSessionEnded() {
        JsonNode p = create(merchant, bodyWith(""));
        endSession(id(p));
        JsonNode confirmed = post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expect(200).json();
        assertThat(status(confirmed)).isEqualTo("succeeded");
    }

    @Test
    void aConfirmWithAnotherPaymentsClientSecretIsA400EvenBeforeItsSessionEnds() {
        JsonNode p = create(merchant, bodyWith(""));
        JsonNode other = create(merchant, bodyWith(""));
        Response r = confirmWithSecret(id(p), text(other, "client_secret"));
        assertThat(r.expectError(400, "IR_09").message())
                .isEqualTo("The client_secret provided does not match the client_secret associated with the Payment");
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("requires_confirmation");
    }
}
