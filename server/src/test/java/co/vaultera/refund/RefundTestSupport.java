package co.vaultera.refund;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor;
import co.vaultera.support.ApiTestSupport;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Helpers of the refund ITs: a merchant with one {@code stripe_test} connector account on the simulator, paid
 * payments, refund calls, the simulator's counters and bounded polling.
 */
abstract class RefundTestSupport extends ApiTestSupport {

    static final String VISA = "4242424242424242";
    static final String DECLINED = "4000000000000002";
    static final String EXCEEDS = "The refund amount exceeds the amount captured";

    @Autowired
    protected SimulatorProcessor simulator;

    /** A merchant and the id of its one connector account. */
    record Shop(TestMerchant merchant, String connectorId) {
        String key() {
            return merchant.apiKey();
        }

        String id() {
            return merchant.merchantId();
        }
    }

    protected Shop shop() {
        TestMerchant m = newMerchant();
        JsonNode account = post("/account/" + m.merchantId() + "/connectors", m.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"sk_test_0123456789abcdef"}}
                """).expect(200).json();
        return new Shop(m, account.get("merchant_connector_id").stringValue());
    }

    /** Sets the simulator settings of the shop's connector account ({@code null}: no fault). */
    protected void simulatorSettings(Shop s, String settings) {
        post("/account/" + s.id() + "/connectors/" + s.connectorId(), s.key(),
                "{\"metadata\":{\"simulator\":" + (settings == null ? "{}" : settings) + "}}").expect(200);
    }

    static String paymentBody(long amount, String captureMethod, String card, boolean confirm) {
        return """
                {"amount":%d,"currency":"USD","confirm":%s,"capture_method":"%s","payment_method":"card",
                 "payment_method_data":{"card":{"card_number":"%s","card_exp_month":"12","card_exp_year":"2030",
                 "card_cvc":"123"}}}""".formatted(amount, confirm, captureMethod, card);
    }

    /** A payment of {@code amount} USD, confirmed and automatically captured: {@code succeeded}. */
    protected String paid(Shop s, long amount) {
        JsonNode p = post("/payments", s.key(), paymentBody(amount, "automatic", VISA, true)).expect(200).json();
        assertThat(p.get("status").stringValue()).as("payment %s", p).isEqualTo("succeeded");
        return p.get("payment_id").stringValue();
    }

    protected Response refund(Shop s, String paymentId, Long amount) {
        return post("/refunds", s.key(), "{\"payment_id\":\"" + paymentId + "\""
                + (amount == null ? "" : ",\"amount\":" + amount) + "}");
    }

    protected JsonNode refunded(Shop s, String paymentId, Long amount) {
        return refund(s, paymentId, amount).expect(200).json();
    }

    /** A refund whose processor call met a 5xx: left pending, with no processor id. Answers its id. */
    protected String pendingRefund(Shop s, String paymentId, Long amount) {
        simulatorSettings(s, "{\"fault\":\"processor_error\"}");
        JsonNode r = refunded(s, paymentId, amount);
        assertThat(r.get("status").stringValue()).isEqualTo("pending");
        return r.get("refund_id").stringValue();
    }

    protected JsonNode payment(Shop s, String paymentId) {
        return get("/payments/" + paymentId, s.key()).expect(200).json();
    }

    protected JsonNode retrieveRefund(Shop s, String refundId) {
        return get("/refunds/" + refundId, s.key()).expect(200).json();
    }

    /** Refunds the simulator created for the payment (its authorize reference is attempt {@code _1}). */
    protected long processorRefunds(Shop s, String paymentId) {
        return simulator.count(SimulatorProcessor.Operation.REFUND, processorReference(s.id(), paymentId, 1));
    }

    /** Σ of the payment's refunds that are not failed, as stored. */
    protected long storedRefundSum(Shop s, String paymentId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from refund where merchant_id = ? and payment_id = ?"
                        + " and status <> 'failed'").params(s.id(), paymentId).query(Long.class).single();
    }

    protected long storedRefundCount(Shop s, String paymentId) {
        return jdbc.sql("select count(*) from refund where merchant_id = ? and payment_id = ?")
                .params(s.id(), paymentId).query(Long.class).single();
    }

    static String status(JsonNode node) {
        return node.get("status").stringValue();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** Retrieves the refund (no force_sync) until {@code until} holds, at most {@code timeout}. */
    protected JsonNode awaitRefund(Shop s, String refundId, Duration timeout, Predicate<JsonNode> until) {
        return poll("refund " + refundId, timeout, () -> retrieveRefund(s, refundId), until);
    }
}
