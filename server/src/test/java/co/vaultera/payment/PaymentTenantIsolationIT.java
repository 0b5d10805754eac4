package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Another merchant's payment is indistinguishable from one that does not exist, and is never touched. */
class PaymentTenantIsolationIT extends PaymentTestSupport {

    private TestMerchant a;
    private TestMerchant b;

    @BeforeEach
    void merchants() {
        a = merchantWithConnector();
        b = merchantWithConnector();
    }

    /** The answer of {@code method path} for a payment id nobody has, with B's key. */
    private Response unknown(String method, String suffix, String body) {
        return send(method, "/payments/pay_00000000000000000000" + suffix, b.apiKey(), body);
    }

    private void sameAsUnknown(String method, String paymentId, String suffix, String body) {
        Response theirs = send(method, "/payments/" + paymentId + suffix, b.apiKey(), body);
        theirs.expectError(404, "HE_02");
        Response none = unknown(method, suffix, body);
        none.expectError(404, "HE_02");
        assertThat(theirs.body()).as("%s %s", method, suffix).isEqualTo(none.body());
        assertThat(theirs.message()).isEqualTo("Payment does not exist in our records");
    }

    @Test
    void retrieveOfAnotherMerchantsPaymentIsTheSame404AsARandomId() {
        JsonNode p = pay(a, VISA);
        sameAsUnknown("GET", id(p), "", null);
        sameAsUnknown("GET", id(p), "?force_sync=true", null);
    }

    @Test
    void confirmOfAnotherMerchantsPaymentIsA404AndChargesNothing() {
        JsonNode p = create(a, body(1000, "automatic", VISA, false));
        sameAsUnknown("POST", id(p), "/confirm", "{}");
        sameAsUnknown("POST", id(p), "/confirm", "{" + card(VISA) + "}");
        assertThat(simulator.authorizeCount(processorReference(a.merchantId(), id(p), 1))).isZero();
        assertThat(simulator.authorizeCount(processorReference(b.merchantId(), id(p), 1))).isZero();
        assertThat(status(retrieve(a, id(p)))).isEqualTo("requires_confirmation");
    }

    @Test
    void updateOfAnotherMerchantsPaymentIsA404AndChangesNothing() {
        JsonNode p = create(a, body(1000, "automatic", VISA, false));
        sameAsUnknown("POST", id(p), "", "{\"amount\":1}");
        assertThat(retrieve(a, id(p)).get("amount").longValue()).isEqualTo(1000);
    }

    @Test
    void captureOfAnotherMerchantsPaymentIsA404AndCapturesNothing() {
        JsonNode p = create(a, body(1000, "manual", VISA, true));
        sameAsUnknown("POST", id(p), "/capture", "{\"amount_to_capture\":1000}");
        assertThat(simulator.count(Operation.CAPTURE, processorReference(a.merchantId(), id(p), 1))).isZero();
        assertThat(simulator.count(Operation.CAPTURE, processorReference(b.merchantId(), id(p), 1))).isZero();
        assertThat(status(retrieve(a, id(p)))).isEqualTo("requires_capture");
    }

    @Test
    void cancelOfAnotherMerchantsPaymentIsA404AndVoidsNothing() {
        JsonNode p = create(a, body(1000, "manual", VISA, true));
        sameAsUnknown("POST", id(p), "/cancel", "{\"cancellation_reason\":\"x\"}");
        assertThat(simulator.count(Operation.VOID, processorReference(a.merchantId(), id(p), 1))).isZero();
        assertThat(simulator.count(Operation.VOID, processorReference(b.merchantId(), id(p), 1))).isZero();
        assertThat(status(retrieve(a, id(p)))).isEqualTo("requires_capture");
    }

    @Test
    void listShowsOnlyTheMerchantsOwnPayments() {
        JsonNode mine = create(a, "{\"amount\":1000,\"currency\":\"USD\"}");
        JsonNode theirs = create(b, "{\"amount\":2000,\"currency\":\"USD\"}");
        JsonNode listA = get("/payments/list?limit=100", a.apiKey()).expect(200).json();
        JsonNode listB = get("/payments/list?limit=100", b.apiKey()).expect(200).json();
        assertThat(listA.get("data").valueStream().map(PaymentTestSupport::id).toList()).containsExactly(id(mine));
        assertThat(listB.get("data").valueStream().map(PaymentTestSupport::id).toList()).containsExactly(id(theirs));
        assertThat(listA.get("data").valueStream().map(r -> r.get("merchant_id").stringValue()))
                .containsOnly(a.merchantId());
    }

    @Test
    void twoMerchantsSharingProcessorCredentialsAndAPaymentIdAreEachChargedTheirOwnPayment() {
        // a and b use one processor API key; payment ids are the merchants' own, so both may choose "order_1".
        String paymentId = unique("order");
        String manual = ",\"capture_method\":\"manual\"," + card(VISA) + "}";
        JsonNode ofA = create(a, "{\"payment_id\":\"" + paymentId + "\",\"amount\":700,\"currency\":\"USD\","
                + "\"confirm\":true" + manual);
        JsonNode ofB = create(b, "{\"payment_id\":\"" + paymentId + "\",\"amount\":900,\"currency\":\"USD\","
                + "\"confirm\":true" + manual);

        assertThat(status(ofA)).isEqualTo("requires_capture");
        assertThat(status(ofB)).as("b's payment: %s", ofB).isEqualTo("requires_capture");
        assertThat(text(ofB, "connector_transaction_id")).isNotEqualTo(text(ofA, "connector_transaction_id"));
        assertThat(simulator.authorizeCount(processorReference(a.merchantId(), paymentId, 1))).isEqualTo(1);
        assertThat(simulator.authorizeCount(processorReference(b.merchantId(), paymentId, 1))).isEqualTo(1);
        // Their captures and voids (keys made from the attempt) stay apart too.
        JsonNode capturedB = post("/payments/" + paymentId + "/capture", b.apiKey(), "{}").expect(200).json();
        JsonNode cancelledA = post("/payments/" + paymentId + "/cancel", a.apiKey(), "{}").expect(200).json();
        assertThat(status(capturedB)).isEqualTo("succeeded");
        assertThat(capturedB.get("amount_received").longValue()).isEqualTo(900);
        assertThat(status(cancelledA)).isEqualTo("cancelled");
        assertThat(status(retrieve(a, paymentId))).isEqualTo("cancelled");
        assertThat(retrieve(b, paymentId).get("amount_received").longValue()).isEqualTo(900);
    }

    @Test
    void xProfileIdMustNameOneOfTheMerchantsOwnProfiles() {
        String profileOfA = get("/accounts/" + a.merchantId(), ADMIN_KEY).expect(200).json()
                .get("default_profile").stringValue();
        String profileOfB = get("/accounts/" + b.merchantId(), ADMIN_KEY).expect(200).json()
                .get("default_profile").stringValue();
        String create = body(1000, "automatic", VISA, true);

        JsonNode p = asA("POST", "/payments", create, profileOfA).expect(200).json();
        assertThat(text(p, "profile_id")).isEqualTo(profileOfA);
        asA("GET", "/payments/" + id(p), null, profileOfA).expect(200);
        // Unknown, or another merchant's: the reference's 401, and nothing is made.
        asA("POST", "/payments", create, profileOfB).expectError(401, "IR_01");
        asA("POST", "/payments", create, "pro_unknown").expectError(401, "IR_01");
        asA("GET", "/payments/" + id(p), null, profileOfB).expectError(401, "IR_01");
        assertThat(get("/payments/list?limit=100", a.apiKey()).expect(200).json().get("size").intValue())
                .isEqualTo(1);
    }

    private Response asA(String method, String path, String body, String profileId) {
        return sendWithHeaders(method, path, a.apiKey(), body, Map.of("X-Profile-Id", profileId));
    }

    @Test
    void paymentsNeedAMerchantKey() {
        JsonNode p = pay(a, VISA);
        get("/payments/" + id(p), null).expectError(401, "IR_01");
        get("/payments/" + id(p), "not_a_key").expectError(401, "IR_01");
        post("/payments", null, body(1000, "automatic", VISA, true)).expectError(401, "IR_01");
        get("/payments/list", null).expectError(401, "IR_01");
    }
}
