package co.vaultera.refund;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.RefundView;
import co.vaultera.connector.simulator.Simulation;
import co.vaultera.connector.simulator.SimulatorApiServlet;
import co.vaultera.payment.PaymentSettings;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The Refunds API against the simulator: amounts, limits, states, ownership, retrieve/update/list, and sync. */
class RefundIT extends RefundTestSupport {

    private static final Duration SETTLE = Duration.ofSeconds(15);

    // ---- amounts ----

    @Test
    void aFullRefundWithoutAnAmountSucceedsForTheWholeCapturedAmount() {
        Shop s = shop();
        String p = paid(s, 1000);

        JsonNode r = refunded(s, p, null);

        assertThat(status(r)).isEqualTo("succeeded");
        assertThat(r.get("amount").longValue()).isEqualTo(1000);
        assertThat(text(r, "currency")).isEqualTo("USD");
        assertThat(text(r, "payment_id")).isEqualTo(p);
        assertThat(text(r, "refund_id")).matches("ref_[0-9A-Za-z]{20}");
        assertThat(text(r, "refund_type")).isEqualTo("instant");
        assertThat(text(r, "connector")).isEqualTo("stripe_test");
        assertThat(text(r, "merchant_connector_id")).isEqualTo(s.connectorId());
        assertThat(text(r, "connector_refund_id")).startsWith("sim_ref_");
        assertThat(text(r, "error_code")).isNull();
        assertThat(processorRefunds(s, p)).isEqualTo(1);
    }

    @Test
    void severalPartialRefundsSucceedUntilTheCapturedAmountIsUsedUp() {
        Shop s = shop();
        String p = paid(s, 1000);

        JsonNode first = refunded(s, p, 300L);
        JsonNode second = refunded(s, p, 200L);
        JsonNode rest = refunded(s, p, null);

        assertThat(List.of(status(first), status(second), status(rest))).containsOnly("succeeded");
        assertThat(first.get("amount").longValue()).isEqualTo(300);
        assertThat(second.get("amount").longValue()).isEqualTo(200);
        assertThat(rest.get("amount").longValue()).as("no amount: what is left").isEqualTo(500);
        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
        assertThat(processorRefunds(s, p)).isEqualTo(3);
    }

    @Test
    void theSumOfRefundsCanNeverExceedTheCapturedAmount() {
        Shop s = shop();
        String p = paid(s, 1000);
        refunded(s, p, 600L);

        assertThat(refund(s, p, 401L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        refunded(s, p, 400L);
        assertThat(refund(s, p, 1L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(refund(s, p, null).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(refund(s, p, Long.MAX_VALUE).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);

        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
        assertThat(storedRefundCount(s, p)).as("rejected refunds are not stored").isEqualTo(2);
        assertThat(processorRefunds(s, p)).isEqualTo(2);
    }

    @Test
    void aRefundAboveTheCapturedAmountIsRejectedBeforeAnyOther() {
        Shop s = shop();
        String p = paid(s, 1000);
        assertThat(refund(s, p, 1001L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(storedRefundCount(s, p)).isZero();
        assertThat(processorRefunds(s, p)).isZero();
    }

    @Test
    void anEleventhRefundIsRejectedWithReachedMaximumRefundAttempts() {
        Shop s = shop();
        String p = paid(s, 100_000);
        for (int i = 0; i < 10; i++) {
            assertThat(status(refunded(s, p, 100L))).isEqualTo("succeeded");
        }

        assertThat(refund(s, p, 100L).expectError(400, "IR_12").message()).isEqualTo("Reached maximum refund attempts");

        assertThat(storedRefundCount(s, p)).isEqualTo(10);
        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
        assertThat(processorRefunds(s, p)).isEqualTo(10);
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"0", "-1", "-1000", "1.5", "100.0", "1e2", "\"100\"", "true", "[100]", "{}",
            "9223372036854775808", "99999999999999999999999", "-9223372036854775809"})
    void anInvalidAmountIsA400AndNeverA5xx(String amount) {
        Shop s = shop();
        String p = paid(s, 1000);

        Response r = post("/refunds", s.key(), "{\"payment_id\":\"" + p + "\",\"amount\":" + amount + "}");

        r.expectError(400, "IR_06");
        assertThat(storedRefundCount(s, p)).isZero();
        assertThat(processorRefunds(s, p)).isZero();
    }

    // ---- payment states ----

    @Test
    void anUnconfirmedPaymentCannotBeRefunded() {
        Shop s = shop();
        String p = post("/payments", s.key(), paymentBody(1000, "automatic", VISA, false)).expect(200).json()
                .get("payment_id").stringValue();
        assertThat(refund(s, p, null).expectError(400, "IR_14").message()).contains("requires_confirmation");
        assertThat(storedRefundCount(s, p)).isZero();
    }

    @Test
    void aFailedPaymentCannotBeRefunded() {
        Shop s = shop();
        JsonNode pay = post("/payments", s.key(), paymentBody(1000, "automatic", DECLINED, true)).expect(200).json();
        assertThat(status(pay)).isEqualTo("failed");
        String p = text(pay, "payment_id");
        assertThat(refund(s, p, null).expectError(400, "IR_14").message()).contains("failed");
        assertThat(refund(s, p, 100L).expectError(400, "IR_14").message()).contains("failed");
        assertThat(storedRefundCount(s, p)).isZero();
    }

    @Test
    void anAuthorizedButUncapturedPaymentCannotBeRefunded() {
        Shop s = shop();
        JsonNode pay = post("/payments", s.key(), paymentBody(1000, "manual", VISA, true)).expect(200).json();
        assertThat(status(pay)).isEqualTo("requires_capture");
        String p = text(pay, "payment_id");
        assertThat(refund(s, p, 100L).expectError(400, "IR_14").message()).contains("requires_capture");
        assertThat(storedRefundCount(s, p)).isZero();
        assertThat(processorRefunds(s, p)).isZero();
    }

    @Test
    void aPartiallyCapturedManualPaymentIsRefundableUpToTheCapturedAmountOnly() {
        Shop s = shop();
        String p = post("/payments", s.key(), paymentBody(1000, "manual", VISA, true)).expect(200).json()
                .get("payment_id").stringValue();
        JsonNode captured = post("/payments/" + p + "/capture", s.key(), "{\"amount_to_capture\":600}").expect(200)
                .json();
        assertThat(status(captured)).isEqualTo("partially_captured");

        assertThat(refund(s, p, 601L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        JsonNode all = refunded(s, p, null);

        assertThat(status(all)).isEqualTo("succeeded");
        assertThat(all.get("amount").longValue()).isEqualTo(600);
        assertThat(refund(s, p, 1L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(storedRefundSum(s, p)).isEqualTo(600);
    }

    @Test
    void aPaymentCapturedInSeveralStepsIsRefundableUpToWhatIsCapturedSoFar() {
        Shop s = shop();
        String p = post("/payments", s.key(), paymentBody(1000, "manual_multiple", VISA, true)).expect(200).json()
                .get("payment_id").stringValue();
        JsonNode first = post("/payments/" + p + "/capture", s.key(), "{\"amount_to_capture\":300}").expect(200)
                .json();
        assertThat(status(first)).isEqualTo("partially_captured_and_capturable");

        assertThat(refund(s, p, 301L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(status(refunded(s, p, 300L))).isEqualTo("succeeded");
        refund(s, p, null).expectError(400, "IR_13");

        post("/payments/" + p + "/capture", s.key(), "{\"amount_to_capture\":200}").expect(200);
        JsonNode more = refunded(s, p, null);
        assertThat(more.get("amount").longValue()).isEqualTo(200);
        assertThat(storedRefundSum(s, p)).isEqualTo(500);
        assertThat(processorRefunds(s, p)).isEqualTo(2);
    }

    @Test
    void aRefundAfterTheConnectorAccountWasDeletedLeavesNoPendingRefundBehind() {
        Shop s = shop();
        String p = paid(s, 1000);
        delete("/account/" + s.id() + "/connectors/" + s.connectorId(), s.key()).expect(200);

        Response r = refund(s, p, null);

        assertThat(r.status()).as("answer %s", r.body()).isBetween(200, 499);
        if (r.status() == 200) {
            // Acceptable: a refund that failed, which does not count.
            assertThat(status(r.json())).isEqualTo("failed");
        }
        // Whatever the answer, nothing may stay pending (it would never settle) and block the captured amount.
        assertThat(jdbc.sql("select count(*) from refund where merchant_id = ? and payment_id = ? and status = "
                + "'pending'").params(s.id(), p).query(Long.class).single()).as("pending refunds").isZero();
        assertThat(storedRefundSum(s, p)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"refund_id\":\"has space\"", "\"refund_id\":\"\"", "\"refund_id\":123",
            "\"reason\":7", "\"metadata\":\"text\"", "\"metadata\":[1]",
            "\"refund_type\":\"later\"", "\"unknown_field\":1", "\"merchant_connector_details\":{}"})
    void aMalformedRefundFieldIsA400AndCreatesNothing(String field) {
        Shop s = shop();
        String p = paid(s, 1000);
        Response r = post("/refunds", s.key(), "{\"payment_id\":\"" + p + "\"," + field + "}");
        r.expect(400);
        assertThat(storedRefundCount(s, p)).isZero();
        assertThat(processorRefunds(s, p)).isZero();
    }

    @Test
    void aRefundWithoutPaymentIdIsA400() {
        Shop s = shop();
        post("/refunds", s.key(), "{\"amount\":100}").expectError(400, "IR_04");
        post("/refunds", s.key(), "{\"payment_id\":null}").expectError(400, "IR_04");
        assertThat(post("/refunds", s.key(), "{\"payment_id\":42}").status()).isEqualTo(400);
        assertThat(post("/refunds", s.key(), "[]").status()).isEqualTo(400);
        assertThat(post("/refunds", s.key(), "not json").status()).isEqualTo(400);
    }

    // ---- ids and ownership ----

    @Test
    void aDuplicateMerchantRefundIdIsRejectedWithHe01() {
        Shop s = shop();
        String p = paid(s, 1000);
        String refundId = unique("my_ref");
        String body = "{\"payment_id\":\"" + p + "\",\"amount\":100,\"refund_id\":\"" + refundId + "\"}";
        JsonNode first = post("/refunds", s.key(), body).expect(200).json();
        assertThat(text(first, "refund_id")).isEqualTo(refundId);

        assertThat(post("/refunds", s.key(), body).expectError(400, "HE_01").message())
                .startsWith("Duplicate refund request");
        // Also on another payment of the same merchant.
        String other = paid(s, 1000);
        post("/refunds", s.key(), "{\"payment_id\":\"" + other + "\",\"amount\":100,\"refund_id\":\"" + refundId
                + "\"}").expectError(400, "HE_01");

        assertThat(storedRefundSum(s, p)).isEqualTo(100);
        assertThat(storedRefundCount(s, other)).isZero();
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(processorRefunds(s, other)).isZero();
    }

    @Test
    void anotherMerchantMayUseTheSameRefundId() {
        Shop a = shop();
        Shop b = shop();
        String refundId = unique("shared_ref");
        JsonNode ra = post("/refunds", a.key(), "{\"payment_id\":\"" + paid(a, 1000) + "\",\"refund_id\":\""
                + refundId + "\"}").expect(200).json();
        JsonNode rb = post("/refunds", b.key(), "{\"payment_id\":\"" + paid(b, 500) + "\",\"refund_id\":\""
                + refundId + "\"}").expect(200).json();
        assertThat(ra.get("amount").longValue()).isEqualTo(1000);
        assertThat(rb.get("amount").longValue()).isEqualTo(500);
        assertThat(retrieveRefund(a, refundId).get("amount").longValue()).isEqualTo(1000);
        assertThat(retrieveRefund(b, refundId).get("amount").longValue()).isEqualTo(500);
    }

    @Test
    void aRefundOfAnUnknownPaymentIsA404() {
        Shop s = shop();
        refund(s, "pay_doesNotExist0000000", null).expectError(404, "HE_02");
        refund(s, "pay_doesNotExist0000000", 100L).expectError(404, "HE_02");
    }

    @Test
    void twoMerchantsSharingProcessorCredentialsAndARefundIdAreEachRefunded() {
        // Both shops use one processor API key; refund ids are the merchants' own, so both may choose the same.
        Shop first = shop();
        Shop second = shop();
        String refundId = unique("rfnd");
        String p1 = paid(first, 1000);
        String p2 = paid(second, 1000);

        JsonNode r1 = post("/refunds", first.key(), "{\"payment_id\":\"" + p1 + "\",\"refund_id\":\"" + refundId
                + "\",\"amount\":300}").expect(200).json();
        JsonNode r2 = post("/refunds", second.key(), "{\"payment_id\":\"" + p2 + "\",\"refund_id\":\"" + refundId
                + "\",\"amount\":400}").expect(200).json();

        assertThat(text(r1, "status")).isEqualTo("succeeded");
        assertThat(text(r2, "status")).as("second shop's refund: %s", r2).isEqualTo("succeeded");
        assertThat(r2.get("amount").longValue()).isEqualTo(400);
        assertThat(processorRefunds(first, p1)).isEqualTo(1);
        assertThat(processorRefunds(second, p2)).isEqualTo(1);
        assertThat(payment(second, p2).get("amount_received").longValue()).isEqualTo(1000);
    }

    @Test
    void aRefundOfAnotherMerchantsPaymentIsA404AndLeavesItUntouched() {
        Shop owner = shop();
        Shop intruder = shop();
        String p = paid(owner, 1000);

        // Byte for byte the answer for an id that does not exist (the security reference's isolation gate).
        String noPayment = refund(intruder, "pay_00000000000000000000", null).expectError(404, "HE_02").body();
        assertThat(refund(intruder, p, null).expectError(404, "HE_02").body()).isEqualTo(noPayment);
        assertThat(refund(intruder, p, 100L).expectError(404, "HE_02").body()).isEqualTo(noPayment);

        assertThat(storedRefundCount(owner, p)).isZero();
        assertThat(processorRefunds(owner, p)).isZero();
        String refundId = text(refunded(owner, p, 100L), "refund_id");
        String none = "ref_00000000000000000000";
        assertThat(get("/refunds/" + refundId, intruder.key()).expectError(404, "HE_02").body())
                .isEqualTo(get("/refunds/" + none, intruder.key()).expectError(404, "HE_02").body());
        String update = "{\"reason\":\"mine now\"}";
        assertThat(post("/refunds/" + refundId, intruder.key(), update).expectError(404, "HE_02").body())
                .isEqualTo(post("/refunds/" + none, intruder.key(), update).expectError(404, "HE_02").body());
        assertThat(post("/refunds/list", intruder.key(), "{\"payment_id\":\"" + p + "\"}").expect(200).json()
                .get("total_count").longValue()).isZero();
        assertThat(text(retrieveRefund(owner, refundId), "reason")).isNull();
    }

    @Test
    void anUnknownRefundIsA404() {
        Shop s = shop();
        get("/refunds/ref_doesNotExist000000000", s.key()).expectError(404, "HE_02");
        post("/refunds/ref_doesNotExist000000000", s.key(), "{\"reason\":\"x\"}").expectError(404, "HE_02");
    }

    // ---- views ----

    @Test
    void thePaymentResponseListsItsRefunds() {
        Shop s = shop();
        String p = paid(s, 1000);
        String first = text(refunded(s, p, 300L), "refund_id");
        String second = text(refunded(s, p, 700L), "refund_id");

        JsonNode refunds = payment(s, p).get("refunds");

        assertThat(refunds.isArray()).as("refunds in %s", refunds).isTrue();
        assertThat(refunds.valueStream().map(r -> text(r, "refund_id")).toList()).containsExactly(first, second);
        assertThat(refunds.valueStream().map(r -> r.get("amount").longValue()).toList()).containsExactly(300L, 700L);
        assertThat(refunds.valueStream().map(RefundTestSupport::status).toList()).containsOnly("succeeded");
    }

    @Test
    void retrieveAnswersWhatCreateAnswered() {
        Shop s = shop();
        String p = paid(s, 1000);
        JsonNode created = post("/refunds", s.key(), "{\"payment_id\":\"" + p + "\",\"amount\":250,\"reason\":"
                + "\"customer asked\",\"metadata\":{\"order\":\"42\"}}").expect(200).json();

        JsonNode fetched = retrieveRefund(s, text(created, "refund_id"));

        assertThat(fetched).isEqualTo(created);
        assertThat(text(fetched, "reason")).isEqualTo("customer asked");
        assertThat(fetched.get("metadata").get("order").stringValue()).isEqualTo("42");
        assertThat(get("/refunds/" + text(created, "refund_id") + "?force_sync=true", s.key()).expect(200).json()
                .get("status").stringValue()).isEqualTo("succeeded");
    }

    @Test
    void updateChangesOnlyTheReasonAndTheMetadata() {
        Shop s = shop();
        String p = paid(s, 1000);
        JsonNode created = refunded(s, p, 400L);
        String id = text(created, "refund_id");

        JsonNode updated = post("/refunds/" + id, s.key(), "{\"reason\":\"duplicate order\",\"metadata\":"
                + "{\"ticket\":\"T-9\"}}").expect(200).json();

        assertThat(text(updated, "reason")).isEqualTo("duplicate order");
        assertThat(updated.get("metadata").get("ticket").stringValue()).isEqualTo("T-9");
        for (String field : List.of("refund_id", "payment_id", "amount", "currency", "status", "connector",
                "connector_refund_id", "created_at")) {
            assertThat(updated.get(field)).as(field).isEqualTo(created.get(field));
        }
        assertThat(retrieveRefund(s, id)).isEqualTo(updated);
        // Only the reason: the metadata stays.
        JsonNode again = post("/refunds/" + id, s.key(), "{\"reason\":\"fraud\"}").expect(200).json();
        assertThat(text(again, "reason")).isEqualTo("fraud");
        assertThat(again.get("metadata").get("ticket").stringValue()).isEqualTo("T-9");
        // The amount and the status cannot be changed.
        post("/refunds/" + id, s.key(), "{\"amount\":1}").expectError(400, "IR_06");
        post("/refunds/" + id, s.key(), "{\"status\":\"failed\"}").expectError(400, "IR_06");
        assertThat(retrieveRefund(s, id).get("amount").longValue()).isEqualTo(400);
        assertThat(storedRefundSum(s, p)).isEqualTo(400);
    }

    @Test
    void listFiltersAndCountsThisMerchantsRefunds() {
        Shop s = shop();
        Instant before = Instant.now().minusSeconds(5);
        String p1 = paid(s, 1000);
        String p2 = paid(s, 1000);
        String a = text(refunded(s, p1, 100L), "refund_id");
        String b = text(refunded(s, p1, 200L), "refund_id");
        String c = text(refunded(s, p1, 300L), "refund_id");
        String d = text(refunded(s, p2, 400L), "refund_id");
        Shop other = shop();
        refunded(other, paid(other, 1000), 100L);

        JsonNode all = post("/refunds/list", s.key(), "{}").expect(200).json();
        assertThat(all.propertyNames()).containsExactly("count", "total_count", "data");
        assertThat(all.get("count").intValue()).isEqualTo(4);
        assertThat(all.get("total_count").longValue()).isEqualTo(4);
        assertThat(ids(all)).as("newest first").containsExactly(d, c, b, a);

        JsonNode ofP1 = post("/refunds/list", s.key(), "{\"payment_id\":\"" + p1 + "\"}").expect(200).json();
        assertThat(ids(ofP1)).containsExactly(c, b, a);

        JsonNode page = post("/refunds/list", s.key(), "{\"payment_id\":\"" + p1 + "\",\"limit\":2,\"offset\":1}")
                .expect(200).json();
        assertThat(page.get("count").intValue()).isEqualTo(2);
        assertThat(page.get("total_count").longValue()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(b, a);

        JsonNode byId = post("/refunds/list", s.key(), "{\"refund_id\":\"" + b + "\"}").expect(200).json();
        assertThat(ids(byId)).containsExactly(b);

        assertThat(post("/refunds/list", s.key(), "{\"refund_status\":[\"succeeded\"],\"currency\":[\"USD\"],"
                + "\"connector\":[\"stripe_test\"]}").expect(200).json().get("total_count").longValue()).isEqualTo(4);
        assertThat(post("/refunds/list", s.key(), "{\"refund_status\":[\"pending\",\"failed\"]}").expect(200).json()
                .get("total_count").longValue()).isZero();
        assertThat(post("/refunds/list", s.key(), "{\"currency\":[\"EUR\"]}").expect(200).json()
                .get("total_count").longValue()).isZero();
        assertThat(post("/refunds/list", s.key(), "{\"connector\":[\"adyen_test\"]}").expect(200).json()
                .get("total_count").longValue()).isZero();

        String inRange = "{\"time_range\":{\"start_time\":\"" + before + "\",\"end_time\":\""
                + Instant.now().plusSeconds(5) + "\"}}";
        assertThat(post("/refunds/list", s.key(), inRange).expect(200).json().get("total_count").longValue())
                .isEqualTo(4);
        String future = "{\"time_range\":{\"start_time\":\"" + Instant.now().plusSeconds(3600) + "\"}}";
        assertThat(post("/refunds/list", s.key(), future).expect(200).json().get("total_count").longValue()).isZero();
    }

    @Test
    void listRejectsBadFiltersWithA400() {
        Shop s = shop();
        for (String body : List.of("{\"limit\":0}", "{\"limit\":101}", "{\"limit\":1.5}", "{\"offset\":-1}",
                "{\"refund_status\":[\"done\"]}", "{\"currency\":[\"usd\"]}", "{\"currency\":\"USD\"}",
                "{\"time_range\":{\"start_time\":\"yesterday\"}}", "{\"unknown\":1}", "{\"offset\":2147483648}",
                "{\"time_range\":{\"start_time\":\"+999999-01-01T00:00:00Z\"}}",
                "{\"time_range\":{\"end_time\":\"+999999999-12-31T23:59:59Z\"}}")) {
            post("/refunds/list", s.key(), body).expectError(400, "IR_06");
        }
        // Filters this switch does not offer are the reference's 501, not a 400.
        post("/refunds/list", s.key(), "{\"amount_filter\":{\"start_amount\":1}}").expectError(501, "IR_00");
    }

    // ---- unknown outcomes and sync ----

    @Test
    void aProcessor5xxOnRefundLeavesTheRefundPendingNotFailed() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"fault\":\"processor_error\"}");

        JsonNode r = refunded(s, p, null);

        assertThat(status(r)).isEqualTo("pending");
        assertThat(r.get("amount").longValue()).isEqualTo(1000);
        assertThat(text(r, "error_code")).isNull();
        assertThat(text(r, "connector_refund_id")).isNull();
        assertThat(processorRefunds(s, p)).isZero();
        assertThat(status(payment(s, p))).isEqualTo("succeeded");
    }

    @Test
    void aPendingRefundCountsAgainstTheRemainingAmount() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"fault\":\"processor_error\"}");
        JsonNode pending = refunded(s, p, 700L);
        assertThat(status(pending)).isEqualTo("pending");

        assertThat(refund(s, p, 301L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(refund(s, p, 1000L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(storedRefundSum(s, p)).isEqualTo(700);
        // Without an amount, only what is left (1000 − 700 pending) is refunded.
        JsonNode rest = refunded(s, p, null);
        assertThat(rest.get("amount").longValue()).isEqualTo(300);
        assertThat(status(rest)).isEqualTo("pending");
        assertThat(refund(s, p, 1L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
    }

    @Test
    void aSecondFullRefundIsRejectedWhileTheFirstIsPending() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"fault\":\"processor_error\"}");
        assertThat(status(refunded(s, p, null))).isEqualTo("pending");

        assertThat(refund(s, p, null).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(refund(s, p, 1L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(storedRefundCount(s, p)).isEqualTo(1);
    }

    @Test
    void aPendingRefundWhoseConnectorThisServerNoLongerHasIsParkedPendingNotFailed() {
        Shop s = shop();
        String p = paid(s, 1000);
        String id = pendingRefund(s, p, null);
        // The account's connector was removed from the build: no call to that processor can be made from here.
        jdbc.sql("update merchant_connector_account set connector_name = 'retired_processor' where merchant_id = ?")
                .param(s.id()).update();

        poll("refund parked", SETTLE, () -> jdbc.sql("select next_sync_at from refund where merchant_id = ?"
                        + " and refund_id = ?").params(s.id(), id).query(Timestamp.class).single(),
                at -> at.toInstant().equals(PaymentSettings.SYNC_PARKED));

        // Unknown, not failed: the processor may have paid it, and a server with the connector can ask again.
        assertThat(status(retrieveRefund(s, id))).isEqualTo("pending");
        assertThat(status(get("/refunds/" + id + "?force_sync=true", s.key()).expect(200).json()))
                .isEqualTo("pending");
        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
        // A new refund could not be sent either: refused before anything is recorded.
        refund(s, p, 1L).expectError(400, "IR_39");
        assertThat(storedRefundCount(s, p)).isEqualTo(1);
    }

    @Test
    void aRefundSentUnderItsBareIdByAnEarlierVersionIsStillFoundBySync() {
        Shop s = shop();
        String p = paid(s, 1000);
        String id = pendingRefund(s, p, 400L);
        // What an earlier version left behind: its refund went out under the bare refund id, the answer was lost,
        // and the migration that qualified references kept that name.
        RefundView paid = simulator.refund(SimulatorApiServlet.accountOf("sk_test_0123456789abcdef"),
                text(payment(s, p), "connector_transaction_id"), 400, id, null, Simulation.NONE);
        jdbc.sql("insert into processor_reference_legacy (merchant_id, kind, id, reference)"
                + " values (?, 'refund', ?, ?)").params(s.id(), id, id).update();

        JsonNode synced = get("/refunds/" + id + "?force_sync=true", s.key()).expect(200).json();

        assertThat(status(synced)).isEqualTo("succeeded");
        assertThat(text(synced, "connector_refund_id")).isEqualTo(paid.id());
    }

    @Test
    void aRefundTheProcessorHoldsForReviewIsReviewCountsAndIsSettledByForceSyncOnceDecided() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"refund_review_ms\":5000}");

        JsonNode held = refunded(s, p, 600L);
        String id = text(held, "refund_id");
        // Out of the sync job's way: only the merchant's force_sync asks the processor here.
        jdbc.sql("update refund set next_sync_at = ? where merchant_id = ? and refund_id = ?")
                .params(Timestamp.from(PaymentSettings.SYNC_PARKED), s.id(), id).update();

        assertThat(status(held)).isEqualTo("review");
        assertThat(text(held, "connector_refund_id")).startsWith("sim_ref_");
        assertThat(refund(s, p, 401L).expectError(400, "IR_13").message()).isEqualTo(EXCEEDS);
        assertThat(status(get("/refunds/" + id + "?force_sync=true", s.key()).expect(200).json()))
                .isEqualTo("review");

        JsonNode decided = poll("refund " + id, SETTLE,
                () -> get("/refunds/" + id + "?force_sync=true", s.key()).expect(200).json(),
                r -> !"review".equals(status(r)));
        assertThat(status(decided)).isEqualTo("succeeded");
        assertThat(text(decided, "connector_refund_id")).isEqualTo(text(held, "connector_refund_id"));
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(storedRefundSum(s, p)).isEqualTo(600);
    }

    @Test
    void theSyncJobSettlesARefundOnceTheProcessorsReviewEnds() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"refund_review_ms\":1500}");
        String id = text(refunded(s, p, null), "refund_id");

        JsonNode decided = awaitRefund(s, id, SETTLE, r -> !"review".equals(status(r)));

        assertThat(status(decided)).isEqualTo("succeeded");
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(jdbc.sql("select next_sync_at from refund where merchant_id = ? and refund_id = ?")
                .params(s.id(), id).query().singleRow().get("next_sync_at")).isNull();
    }

    @Test
    void aRefundInReviewWhoseAccountWasDeletedIsStillSettledBySyncAndKeepsItsAmountMeanwhile() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"refund_review_ms\":2000}");
        String id = text(refunded(s, p, 700L), "refund_id");
        delete("/account/" + s.id() + "/connectors/" + s.connectorId(), s.key()).expect(200);
        assertThat(storedRefundSum(s, p)).isEqualTo(700);

        // The processor pays it out after its review: the switch still learns it, through the deleted account.
        JsonNode decided = awaitRefund(s, id, SETTLE, r -> !"review".equals(status(r)));

        assertThat(status(decided)).isEqualTo("succeeded");
        assertThat(storedRefundSum(s, p)).isEqualTo(700);
        // A new refund moves money: not through a deleted account.
        refund(s, p, 100L).expectError(404, "HE_02");
    }

    @Test
    void thePendingRefundIsFailedBySyncAndThenTheAmountCanBeRefundedAgain() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"fault\":\"processor_error\"}");
        String id = text(refunded(s, p, null), "refund_id");

        JsonNode failed = awaitRefund(s, id, SETTLE, r -> !"pending".equals(status(r)));

        assertThat(status(failed)).isEqualTo("failed");
        assertThat(text(failed, "error_code")).isEqualTo("not_found_at_processor");
        assertThat(text(failed, "error_message")).isNotBlank();
        assertThat(processorRefunds(s, p)).isZero();
        assertThat(storedRefundSum(s, p)).isZero();

        simulatorSettings(s, null);
        JsonNode again = refunded(s, p, null);

        assertThat(status(again)).isEqualTo("succeeded");
        assertThat(again.get("amount").longValue()).isEqualTo(1000);
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
        assertThat(payment(s, p).get("refunds").valueStream().map(RefundTestSupport::status).toList())
                .containsExactly("failed", "succeeded");
    }

    @Test
    void aRefundWhoseAnswerIsLostIsSettledByForceSyncWithOneProcessorRefund() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"fault\":\"timeout_after_charge\",\"fault_delay_ms\":3000}");

        JsonNode r = refunded(s, p, 400L);
        // The background sync (first look after 1 s) may already have found it while the call waited.
        assertThat(status(r)).isIn("pending", "succeeded");

        JsonNode synced = get("/refunds/" + text(r, "refund_id") + "?force_sync=true", s.key()).expect(200).json();

        assertThat(status(synced)).isEqualTo("succeeded");
        assertThat(text(synced, "connector_refund_id")).startsWith("sim_ref_");
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(storedRefundSum(s, p)).isEqualTo(400);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("data").valueStream().map(r -> text(r, "refund_id")).toList();
    }
}
