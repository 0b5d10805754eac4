package co.vaultera.refund;

import static co.vaultera.support.Race.race;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Per-payment serialisation of refund creation: however many refunds race, Σ(refunds not failed) never exceeds
 * what was captured, and the processor is asked only for the refunds that were accepted.
 */
class RefundConcurrencyIT extends RefundTestSupport {

    private static final int THREADS = 20;

    static Map<String, Integer> tally(List<Response> responses) {
        Map<String, Integer> out = new TreeMap<>();
        for (Response r : responses) {
            String code = r.status() == 200 ? "200" : r.status() + " " + r.json().get("error").get("code").stringValue();
            out.merge(code, 1, Integer::sum);
        }
        return out;
    }

    @Test
    void twentyConcurrentFullRefundsRefundOnceAndRejectTheRest() throws Exception {
        Shop s = shop();
        String p = paid(s, 1000);

        List<Response> responses = race(THREADS, () -> refund(s, p, null));

        Map<String, Integer> tally = tally(responses);
        System.out.printf("[RefundConcurrencyIT] 20 concurrent full refunds: %s; processor refunds %d; Σ stored %d%n",
                tally, processorRefunds(s, p), storedRefundSum(s, p));
        List<Response> ok = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(ok).as("responses %s", tally).hasSize(1);
        assertThat(status(ok.get(0).json())).isEqualTo("succeeded");
        assertThat(ok.get(0).json().get("amount").longValue()).isEqualTo(1000);
        responses.stream().filter(r -> r.status() != 200).forEach(r -> {
            r.expectError(400, "IR_13");
            assertThat(r.message()).isEqualTo(EXCEEDS);
        });
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
        assertThat(storedRefundCount(s, p)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentPartialRefundsOfATenthRefundExactlyTheCapturedAmount() throws Exception {
        Shop s = shop();
        String p = paid(s, 1000);

        List<Response> responses = race(THREADS, () -> refund(s, p, 100L));

        Map<String, Integer> tally = tally(responses);
        System.out.printf("[RefundConcurrencyIT] 20 concurrent refunds of 100 on 1000: %s; processor refunds %d; "
                + "Σ stored %d%n", tally, processorRefunds(s, p), storedRefundSum(s, p));
        List<Response> ok = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(ok).as("responses %s", tally).hasSize(10);
        ok.forEach(r -> assertThat(status(r.json())).isEqualTo("succeeded"));
        // After ten refunds both limits are reached at once (Σ = captured, count = 10): either code is right.
        responses.stream().filter(r -> r.status() != 200).forEach(r -> {
            assertThat(r.status()).isEqualTo(400);
            String code = r.json().get("error").get("code").stringValue();
            assertThat(code).isIn("IR_12", "IR_13");
            r.expectError(400, code);
        });
        assertThat(ok.stream().map(r -> r.json().get("refund_id").stringValue()).distinct()).hasSize(10);
        assertThat(processorRefunds(s, p)).isEqualTo(10);
        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
        assertThat(storedRefundCount(s, p)).isEqualTo(10);
    }

    @Test
    void twentyConcurrentPartialRefundsOfThreeHundredNeverExceedTheCapturedAmount() throws Exception {
        Shop s = shop();
        String p = paid(s, 1000);

        List<Response> responses = race(THREADS, () -> refund(s, p, 300L));

        Map<String, Integer> tally = tally(responses);
        System.out.printf("[RefundConcurrencyIT] 20 concurrent refunds of 300 on 1000: %s; processor refunds %d; "
                + "Σ stored %d%n", tally, processorRefunds(s, p), storedRefundSum(s, p));
        assertThat(responses.stream().filter(r -> r.status() == 200)).as("responses %s", tally).hasSize(3);
        responses.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(400, "IR_13"));
        assertThat(processorRefunds(s, p)).isEqualTo(3);
        assertThat(storedRefundSum(s, p)).isEqualTo(900);
        // The 100 left is still refundable.
        assertThat(refunded(s, p, null).get("amount").longValue()).isEqualTo(100);
    }

    @Test
    void twentyConcurrentFullRefundsThroughASlowProcessorStillRefundOnce() throws Exception {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"latency_ms\":400}");

        List<Response> responses = race(THREADS, () -> refund(s, p, null));

        Map<String, Integer> tally = tally(responses);
        System.out.printf("[RefundConcurrencyIT] 20 concurrent full refunds, processor latency 400 ms: %s; "
                + "processor refunds %d; Σ stored %d%n", tally, processorRefunds(s, p), storedRefundSum(s, p));
        assertThat(responses.stream().filter(r -> r.status() == 200)).as("responses %s", tally).hasSize(1);
        responses.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(400, "IR_13"));
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(storedRefundSum(s, p)).isEqualTo(1000);
    }

    @Test
    void twentyConcurrentRefundsWithOneMerchantRefundIdCreateOne() throws Exception {
        Shop s = shop();
        String p = paid(s, 1000);
        String refundId = unique("race_ref");

        List<Response> responses = race(THREADS, () -> post("/refunds", s.key(), "{\"payment_id\":\"" + p
                + "\",\"amount\":100,\"refund_id\":\"" + refundId + "\"}"));

        Map<String, Integer> tally = tally(responses);
        System.out.printf("[RefundConcurrencyIT] 20 concurrent refunds with one refund_id: %s; processor refunds %d%n",
                tally, processorRefunds(s, p));
        assertThat(responses.stream().filter(r -> r.status() == 200)).as("responses %s", tally).hasSize(1);
        responses.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(400, "HE_01"));
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(storedRefundSum(s, p)).isEqualTo(100);
    }
}
