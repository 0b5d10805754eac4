package co.vaultera.idempotency;

import static co.vaultera.support.Race.race;
import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor;
import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import co.vaultera.support.ApiTestSupport;
import co.vaultera.support.CardDataWatch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code Idempotency-Key} with Stripe's semantics (payments.md §13): replays byte for byte, 422 on reuse with
 * another request, 409 while in flight, scoped per merchant, nothing stored for requests that fail validation.
 */
class IdempotencyIT extends ApiTestSupport {

    private static final String VISA = "4242424242424242";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    private SimulatorProcessor simulator;

    /** A response with its exact body bytes. */
    record Raw(int status, byte[] bytes, Response response) {
        boolean replayed() {
            return response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
        }

        String code() {
            return response.json().get("error").get("code").stringValue();
        }
    }

    private Raw keyed(String path, String apiKey, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("api-key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        try {
            CardDataWatch.noteRequest(body);
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(r.body(), StandardCharsets.UTF_8);
            CardDataWatch.checkAnswer("POST " + path, text, r.headers());
            return new Raw(r.statusCode(), r.body(), new Response(r.statusCode(), text, r.headers()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private TestMerchant shop() {
        TestMerchant m = newMerchant();
        post("/account/" + m.merchantId() + "/connectors", m.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"sk_test_0123456789abcdef"}}
                """).expect(200);
        return m;
    }

    private static String paymentBody(long amount, boolean confirm) {
        return """
                {"amount":%d,"currency":"USD","confirm":%s,"payment_method":"card","payment_method_data":{"card":
                {"card_number":"%s","card_exp_month":"12","card_exp_year":"2030","card_cvc":"123"}}}"""
                .formatted(amount, confirm, VISA);
    }

    private String paid(TestMerchant m) {
        JsonNode p = post("/payments", m.apiKey(), paymentBody(1000, true)).expect(200).json();
        assertThat(p.get("status").stringValue()).isEqualTo("succeeded");
        return p.get("payment_id").stringValue();
    }


    private long refunds(TestMerchant m, String paymentId) {
        return jdbc.sql("select count(*) from refund where merchant_id = ? and payment_id = ?")
                .params(m.merchantId(), paymentId).query(Long.class).single();
    }

    private long authorizes(TestMerchant m, String paymentId) {
        return simulator.authorizeCount(processorReference(m.merchantId(), paymentId, 1));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String id(Raw r) {
        return r.response().json().get("payment_id").stringValue();
    }

    private static Map<String, Integer> tally(List<Raw> responses) {
        Map<String, Integer> out = new TreeMap<>();
        for (Raw r : responses) {
            String k = r.status() < 300 ? r.status() + (r.replayed() ? " replayed" : " first") : r.status() + " " + r.code();
            out.merge(k, 1, Integer::sum);
        }
        return out;
    }

    // ---- replay ----

    @Test
    void theSameKeyAndBodyReplaysTheStoredStatusAndBytesWithoutASecondAuthorize() {
        TestMerchant m = shop();
        String k = key();
        String body = paymentBody(1000, true);

        Raw first = keyed("/payments", m.apiKey(), k, body);
        Raw second = keyed("/payments", m.apiKey(), k, body);
        Raw third = keyed("/payments", m.apiKey(), k, body);

        assertThat(first.status()).as(first.response().body()).isEqualTo(200);
        assertThat(first.replayed()).isFalse();
        assertThat(first.response().json().get("status").stringValue()).isEqualTo("succeeded");
        for (Raw replay : List.of(second, third)) {
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.bytes()).isEqualTo(first.bytes());
            assertThat(replay.replayed()).isTrue();
            assertThat(replay.response().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/json");
        }
        assertThat(authorizes(m, id(first))).isEqualTo(1);
        assertThat(payments(m)).isEqualTo(1);
    }

    @Test
    void aStoredErrorIsReplayedByteForByte() {
        TestMerchant m = shop();
        String p = paid(m);
        String k = key();

        Raw first = keyed("/payments/" + p + "/confirm", m.apiKey(), k, "{}");
        Raw replay = keyed("/payments/" + p + "/confirm", m.apiKey(), k, "{}");

        first.response().expectError(400, "IR_14");
        assertThat(first.replayed()).isFalse();
        replay.response().expectError(400, "IR_14");
        assertThat(replay.bytes()).isEqualTo(first.bytes());
        assertThat(replay.replayed()).isTrue();
        assertThat(authorizes(m, p)).isEqualTo(1);
    }

    // ---- reuse ----

    @Test
    void theSameKeyWithAnotherBodyIsA422AndCallsNoProcessor() {
        TestMerchant m = shop();
        String k = key();
        Raw first = keyed("/payments", m.apiKey(), k, paymentBody(1000, true));
        assertThat(first.status()).isEqualTo(200);
        long authorizesBefore = simulator.count(Operation.AUTHORIZE);

        Raw other = keyed("/payments", m.apiKey(), k, paymentBody(2000, true));

        other.response().expectError(422, "IR_06");
        assertThat(other.replayed()).isFalse();
        assertThat(simulator.count(Operation.AUTHORIZE)).isEqualTo(authorizesBefore);
        assertThat(authorizes(m, id(first))).isEqualTo(1);
        assertThat(payments(m)).isEqualTo(1);
        // The original request still replays.
        Raw replay = keyed("/payments", m.apiKey(), k, paymentBody(1000, true));
        assertThat(replay.bytes()).isEqualTo(first.bytes());
        assertThat(replay.replayed()).isTrue();
    }

    @Test
    void theSameKeyOnAnotherPathIsA422AndCallsNoProcessor() {
        TestMerchant m = shop();
        String a = post("/payments", m.apiKey(), paymentBody(1000, false)).expect(200).json().get("payment_id")
                .stringValue();
        String b = post("/payments", m.apiKey(), paymentBody(1000, false)).expect(200).json().get("payment_id")
                .stringValue();
        String k = key();
        Raw first = keyed("/payments/" + a + "/confirm", m.apiKey(), k, "{}");
        assertThat(first.status()).as(first.response().body()).isEqualTo(200);

        Raw other = keyed("/payments/" + b + "/confirm", m.apiKey(), k, "{}");
        Raw customer = keyed("/customers", m.apiKey(), k, "{}");

        other.response().expectError(422, "IR_06");
        customer.response().expectError(422, "IR_06");
        assertThat(authorizes(m, a)).isEqualTo(1);
        assertThat(authorizes(m, b)).isZero();
        assertThat(get("/payments/" + b, m.apiKey()).expect(200).json().get("status").stringValue())
                .isEqualTo("requires_confirmation");
    }

    @Test
    void anotherMerchantUsingTheSameKeyValueHasItsOwnKey() {
        TestMerchant a = shop();
        TestMerchant b = shop();
        String k = key();
        String body = paymentBody(1000, true);

        Raw ra = keyed("/payments", a.apiKey(), k, body);
        Raw rb = keyed("/payments", b.apiKey(), k, body);

        assertThat(ra.status()).isEqualTo(200);
        assertThat(rb.status()).as(rb.response().body()).isEqualTo(200);
        assertThat(rb.replayed()).isFalse();
        assertThat(id(rb)).isNotEqualTo(id(ra));
        assertThat(authorizes(a, id(ra))).isEqualTo(1);
        assertThat(authorizes(b, id(rb))).isEqualTo(1);
        assertThat(payments(a)).isEqualTo(1);
        assertThat(payments(b)).isEqualTo(1);
        get("/payments/" + id(ra), b.apiKey()).expectError(404, "HE_02");
        // Each replays its own answer.
        assertThat(keyed("/payments", b.apiKey(), k, body).bytes()).isEqualTo(rb.bytes());
        assertThat(keyed("/payments", a.apiKey(), k, body).bytes()).isEqualTo(ra.bytes());
    }

    // ---- the key itself ----

    @Test
    void aKeyLongerThan255CharactersIsA400AndStoresNothing() {
        TestMerchant m = shop();
        Raw r = keyed("/payments", m.apiKey(), "k".repeat(256), paymentBody(1000, true));
        r.response().expectError(400, "IR_06");
        assertThat(payments(m)).isZero();
        keyed("/payments", m.apiKey(), "k".repeat(10_000).substring(0, 1000), paymentBody(1000, true)).response()
                .expectError(400, "IR_06");
        assertThat(payments(m)).isZero();
    }

    @Test
    void aKeyOfExactly255CharactersIsAccepted() {
        TestMerchant m = shop();
        String k = (UUID.randomUUID() + "x".repeat(255)).substring(0, 255);
        Raw first = keyed("/payments", m.apiKey(), k, paymentBody(1000, true));
        Raw replay = keyed("/payments", m.apiKey(), k, paymentBody(1000, true));
        assertThat(first.status()).as(first.response().body()).isEqualTo(200);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.bytes()).isEqualTo(first.bytes());
        assertThat(payments(m)).isEqualTo(1);
    }

    @Test
    void aRequestThatFailsValidationStoresNothing() {
        TestMerchant m = shop();
        String k = key();
        String bad = paymentBody(1000, true).replace("\"amount\":1000", "\"amount\":1.5");

        keyed("/payments", m.apiKey(), k, bad).response().expectError(400, "IR_06");
        keyed("/payments", m.apiKey(), k, bad).response().expectError(400, "IR_06");
        Raw good = keyed("/payments", m.apiKey(), k, paymentBody(1000, true));

        assertThat(good.status()).as("the key was not taken: %s", good.response().body()).isEqualTo(200);
        assertThat(good.replayed()).isFalse();
        assertThat(good.response().json().get("status").stringValue()).isEqualTo("succeeded");
        Raw replay = keyed("/payments", m.apiKey(), k, paymentBody(1000, true));
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.bytes()).isEqualTo(good.bytes());
        assertThat(payments(m)).isEqualTo(1);
    }

    @Test
    void aRequestThatFailsAuthenticationStoresNothing() {
        TestMerchant m = shop();
        String k = key();
        assertThat(keyed("/payments", "wrong_key", k, paymentBody(1000, true)).status()).isEqualTo(401);
        Raw good = keyed("/payments", m.apiKey(), k, paymentBody(1000, true));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.replayed()).isFalse();
    }

    @Test
    void anEmptyKeyIsA400() {
        TestMerchant m = shop();
        keyed("/payments", m.apiKey(), "", paymentBody(1000, true)).response().expectError(400, "IR_06");
        assertThat(payments(m)).isZero();
    }

    // ---- in flight, and a retry after a crash ----

    /** Puts a finished key back in flight, as if its process had died before storing the answer. */
    private void backInFlight(TestMerchant m, String key, String lockedAgo) {
        int rows = jdbc.sql("update idempotency_key set state = 'in_flight', response_status = null,"
                        + " response_body = null, locked_at = now() - cast(? as interval)"
                        + " where merchant_id = ? and idempotency_key = ?")
                .params(lockedAgo, m.merchantId(), key).update();
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aKeyWhoseFirstRequestIsStillInFlightIsA409AndStoresNothing() {
        TestMerchant m = shop();
        String k = key();
        String body = paymentBody(1000, true);
        Raw first = keyed("/payments", m.apiKey(), k, body);
        backInFlight(m, k, "0 seconds");

        Raw again = keyed("/payments", m.apiKey(), k, body);

        again.response().expectError(409, "HE_00");
        assertThat(again.replayed()).isFalse();
        assertThat(jdbc.sql("select state from idempotency_key where merchant_id = ? and idempotency_key = ?")
                .params(m.merchantId(), k).query(String.class).single()).isEqualTo("in_flight");
        assertThat(authorizes(m, id(first))).isEqualTo(1);
        assertThat(payments(m)).isEqualTo(1);
        // Another body is still a 422, not a 409.
        keyed("/payments", m.apiKey(), k, paymentBody(2000, true)).response().expectError(422, "IR_06");
    }

    @Test
    void aRetryAfterACrashMidConfirmTakesTheKeyOverWithoutASecondAuthorize() {
        TestMerchant m = shop();
        String p = post("/payments", m.apiKey(), paymentBody(1000, false)).expect(200).json().get("payment_id")
                .stringValue();
        String k = key();
        Raw first = keyed("/payments/" + p + "/confirm", m.apiKey(), k, "{}");
        assertThat(first.status()).isEqualTo(200);
        backInFlight(m, k, "10 minutes");

        Raw retry = keyed("/payments/" + p + "/confirm", m.apiKey(), k, "{}");

        assertThat(retry.status()).as(retry.response().body()).isEqualTo(200);
        assertThat(retry.response().json().get("status").stringValue()).isEqualTo("succeeded");
        assertThat(retry.response().json().get("payment_id").stringValue()).isEqualTo(p);
        assertThat(authorizes(m, p)).isEqualTo(1);
        // The taken-over answer is now stored and replayed.
        Raw replay = keyed("/payments/" + p + "/confirm", m.apiKey(), k, "{}");
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.bytes()).isEqualTo(retry.bytes());
    }

    @Test
    void aRetryAfterACrashMidRefundTakesTheKeyOverWithoutASecondRefund() {
        TestMerchant m = shop();
        String p = paid(m);
        String k = key();
        String body = "{\"payment_id\":\"" + p + "\",\"amount\":600}";
        Raw first = keyed("/refunds", m.apiKey(), k, body);
        assertThat(first.status()).isEqualTo(200);
        backInFlight(m, k, "10 minutes");

        Raw retry = keyed("/refunds", m.apiKey(), k, body);

        assertThat(retry.status()).as(retry.response().body()).isEqualTo(200);
        JsonNode refund = retry.response().json();
        assertThat(refund.get("refund_id").stringValue())
                .isEqualTo(first.response().json().get("refund_id").stringValue());
        assertThat(refund.get("status").stringValue()).isEqualTo("succeeded");
        assertThat(refund.get("amount").longValue()).isEqualTo(600);
        assertThat(simulator.count(Operation.REFUND, processorReference(m.merchantId(), p, 1))).isEqualTo(1);
        assertThat(refunds(m, p)).isEqualTo(1);
    }

    private static String newPaymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A create with {@code confirm: true} of a payment with this id. */
    private static String createAndConfirm(String paymentId) {
        return paymentBody(1000, true).replaceFirst("\\{", "{\"payment_id\":\"" + paymentId + "\",");
    }

    /**
     * Makes the payment of {@code body} unconfirmed (without a key), then sends {@code body} with a new key and puts
     * that key back in flight, as if its process had died; answers the key.
     */
    private String crashedCreateAfterAnUnconfirmedOne(TestMerchant m, String body) {
        post("/payments", m.apiKey(), body.replace("\"confirm\":true", "\"confirm\":false")).expect(200);
        String k = key();
        keyed("/payments", m.apiKey(), k, body).response().expectError(400, "HE_01");
        backInFlight(m, k, "10 minutes");
        return k;
    }

    @Test
    void aRetryAfterACrashBetweenCreatingAndConfirmingAPaymentConfirmsIt() {
        TestMerchant m = shop();
        String paymentId = newPaymentId();
        String body = createAndConfirm(paymentId);
        // The state a crash right after the intent's insert leaves: the payment exists, it was never confirmed, and
        // the key had been claimed before it was made.
        String k = crashedCreateAfterAnUnconfirmedOne(m, body);
        jdbc.sql("update idempotency_key set created_at = (select created_at - interval '1 second' from payment_intent"
                        + " where merchant_id = ? and payment_id = ?) where merchant_id = ? and idempotency_key = ?")
                .params(m.merchantId(), paymentId, m.merchantId(), k).update();

        Raw retry = keyed("/payments", m.apiKey(), k, body);

        assertThat(retry.status()).as(retry.response().body()).isEqualTo(200);
        assertThat(retry.response().json().get("status").stringValue())
                .as("the retry of a confirm=true create must end confirmed").isEqualTo("succeeded");
        assertThat(authorizes(m, paymentId)).isEqualTo(1);
    }

    @Test
    void aRetryAfterACrashOfACreateNamingAnOlderPaymentIsTheDuplicateAndConfirmsNothing() {
        TestMerchant m = shop();
        String paymentId = newPaymentId();
        String body = createAndConfirm(paymentId);
        // A payment made earlier under this payment_id; then a keyed create naming it dies before doing anything.
        String k = crashedCreateAfterAnUnconfirmedOne(m, body);

        Raw retry = keyed("/payments", m.apiKey(), k, body);

        // What the request would have answered had it not died: the older payment is not this request's to confirm.
        retry.response().expectError(400, "HE_01");
        assertThat(retry.response().reason()).isEqualTo(paymentId + " already exists");
        assertThat(authorizes(m, paymentId)).isZero();
        assertThat(get("/payments/" + paymentId, m.apiKey()).expect(200).json().get("status").stringValue())
                .isEqualTo("requires_confirmation");
        Raw replay = keyed("/payments", m.apiKey(), k, body);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.bytes()).isEqualTo(retry.bytes());
    }

    @Test
    void aRetryAfterACrashOfARefundNamingAnOlderRefundIdIsTheDuplicate() {
        TestMerchant m = shop();
        String p = paid(m);
        String refundId = "ref_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        post("/refunds", m.apiKey(), "{\"payment_id\":\"" + p + "\",\"refund_id\":\"" + refundId
                + "\",\"amount\":300}").expect(200);
        String k = key();
        String body = "{\"payment_id\":\"" + p + "\",\"refund_id\":\"" + refundId + "\",\"amount\":500}";
        keyed("/refunds", m.apiKey(), k, body).response().expectError(400, "HE_01");
        backInFlight(m, k, "10 minutes");

        keyed("/refunds", m.apiKey(), k, body).response().expectError(400, "HE_01");

        assertThat(refunds(m, p)).isEqualTo(1);
        assertThat(simulator.count(Operation.REFUND, processorReference(m.merchantId(), p, 1))).isEqualTo(1);
    }

    @Test
    void aRetryAfterACrashOfARefundThatFoundThePaymentNotRefundableKeepsThatAnswer() {
        TestMerchant m = shop();
        String p = post("/payments", m.apiKey(), paymentBody(1000, false)).expect(200).json().get("payment_id")
                .stringValue();
        String k = key();
        String body = "{\"payment_id\":\"" + p + "\",\"amount\":500}";
        keyed("/refunds", m.apiKey(), k, body).response().expectError(400, "IR_14");
        backInFlight(m, k, "10 minutes");

        Raw retry = keyed("/refunds", m.apiKey(), k, body);

        // The resume finds no refund: nothing was done, and the answer is the refusal, not a 404 for good.
        retry.response().expectError(400, "IR_14");
        assertThat(refunds(m, p)).isZero();
    }

    // ---- concurrency ----

    @Test
    void fiftyConcurrentConfirmsWithOneKeyAuthorizeOnce() throws Exception {
        TestMerchant m = shop();
        String p = post("/payments", m.apiKey(), paymentBody(1000, false)).expect(200).json().get("payment_id")
                .stringValue();
        assertThat(get("/payments/" + p, m.apiKey()).expect(200).json().get("status").stringValue())
                .isEqualTo("requires_confirmation");
        String k = key();

        List<Raw> responses = race(50, () -> keyed("/payments/" + p + "/confirm", m.apiKey(), k, "{}"));

        Map<String, Integer> tally = tally(responses);
        System.out.printf("[IdempotencyIT] 50 concurrent confirms, one key: %s; simulator authorizes %d%n", tally,
                authorizes(m, p));
        List<Raw> ok = responses.stream().filter(r -> r.status() < 300).toList();
        assertThat(ok).as("responses %s", tally).isNotEmpty();
        assertThat(ok.stream().filter(r -> !r.replayed())).as("responses %s", tally).hasSize(1);
        for (Raw r : responses) {
            if (r.status() < 300) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bytes()).isEqualTo(ok.get(0).bytes());
            } else {
                r.response().expectError(409, "HE_00");
            }
        }
        assertThat(ok.get(0).response().json().get("status").stringValue()).isEqualTo("succeeded");
        assertThat(authorizes(m, p)).isEqualTo(1);
        Raw later = keyed("/payments/" + p + "/confirm", m.apiKey(), k, "{}");
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.replayed()).isTrue();
        assertThat(later.bytes()).isEqualTo(ok.get(0).bytes());
        assertThat(authorizes(m, p)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentCreatesWithOneKeyCreateOnePayment() throws Exception {
        TestMerchant m = shop();
        String k = key();
        String body = paymentBody(1000, true);

        List<Raw> responses = race(20, () -> keyed("/payments", m.apiKey(), k, body));

        Map<String, Integer> tally = tally(responses);
        List<Raw> ok = responses.stream().filter(r -> r.status() < 300).toList();
        System.out.printf("[IdempotencyIT] 20 concurrent creates, one key: %s; payments %d; simulator authorizes %d%n",
                tally, payments(m), ok.isEmpty() ? -1 : authorizes(m, id(ok.get(0))));
        assertThat(ok.stream().filter(r -> !r.replayed())).as("responses %s", tally).hasSize(1);
        for (Raw r : responses) {
            if (r.status() < 300) {
                assertThat(r.bytes()).isEqualTo(ok.get(0).bytes());
            } else {
                r.response().expectError(409, "HE_00");
            }
        }
        assertThat(payments(m)).isEqualTo(1);
        assertThat(authorizes(m, id(ok.get(0)))).isEqualTo(1);
    }

    @Test
    void aRefundRetriedWithTheSameKeyIsReplayedNotRefundedTwice() {
        TestMerchant m = shop();
        String p = paid(m);
        String k = key();
        String body = "{\"payment_id\":\"" + p + "\",\"amount\":400}";

        Raw first = keyed("/refunds", m.apiKey(), k, body);
        Raw retry = keyed("/refunds", m.apiKey(), k, body);

        assertThat(first.status()).as(first.response().body()).isEqualTo(200);
        assertThat(first.response().json().get("status").stringValue()).isEqualTo("succeeded");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.bytes()).isEqualTo(first.bytes());
        assertThat(simulator.count(Operation.REFUND, processorReference(m.merchantId(), p, 1))).isEqualTo(1);
        assertThat(refunds(m, p)).isEqualTo(1);
        // Another key is another refund.
        Raw second = keyed("/refunds", m.apiKey(), key(), body);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.response().json().get("refund_id").stringValue())
                .isNotEqualTo(first.response().json().get("refund_id").stringValue());
        assertThat(refunds(m, p)).isEqualTo(2);
    }

    @Test
    void twentyConcurrentRefundsWithOneKeyRefundOnce() throws Exception {
        TestMerchant m = shop();
        String p = paid(m);
        String k = key();
        String body = "{\"payment_id\":\"" + p + "\",\"amount\":100}";

        List<Raw> responses = race(20, () -> keyed("/refunds", m.apiKey(), k, body));

        Map<String, Integer> tally = tally(responses);
        long processorRefunds = simulator.count(Operation.REFUND, processorReference(m.merchantId(), p, 1));
        System.out.printf("[IdempotencyIT] 20 concurrent refunds, one key: %s; simulator refunds %d; stored %d%n",
                tally, processorRefunds, refunds(m, p));
        List<Raw> ok = responses.stream().filter(r -> r.status() < 300).toList();
        assertThat(ok.stream().filter(r -> !r.replayed())).as("responses %s", tally).hasSize(1);
        for (Raw r : responses) {
            if (r.status() < 300) {
                assertThat(r.bytes()).isEqualTo(ok.get(0).bytes());
            } else {
                r.response().expectError(409, "HE_00");
            }
        }
        assertThat(processorRefunds).isEqualTo(1);
        assertThat(refunds(m, p)).isEqualTo(1);
        Raw later = keyed("/refunds", m.apiKey(), k, body);
        assertThat(later.replayed()).isTrue();
        assertThat(later.bytes()).isEqualTo(ok.get(0).bytes());
        assertThat(simulator.count(Operation.REFUND, processorReference(m.merchantId(), p, 1))).isEqualTo(1);
    }

    // ---- money fuzz ----

    private static final List<String> BAD_AMOUNTS = List.of("1.5", "1e3", "-1", "\"100\"", "9223372036854775808",
            "99999999999999999999999", "true", "null", "<missing>", "1000000000", "0", "1000.0", "[]", "{}",
            "\"\"", "-9223372036854775809");
    private static final List<String> GOOD_AMOUNTS = List.of("1", "1000", "999999999");
    private static final List<String> BAD_CURRENCIES = List.of("\"usd\"", "\"XXX\"", "\"US\"", "123", "null",
            "<missing>", "\"\"", "\"USDD\"", "[\"USD\"]", "true");
    private static final List<String> GOOD_CURRENCIES = List.of("\"USD\"", "\"EUR\"", "\"JPY\"");

    @Test
    void malformedMoneyIsAlwaysA4xxWithTheEnvelopeAndNeverA5xx() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TestMerchant m = shop();
        long authorizesBefore = simulator.count(Operation.AUTHORIZE);
        for (int i = 0; i < 200; i++) {
            boolean badAmount = random.nextInt(3) > 0;
            boolean badCurrency = !badAmount || random.nextBoolean();
            String amount = pick(random, badAmount ? BAD_AMOUNTS : GOOD_AMOUNTS);
            String currency = pick(random, badCurrency ? BAD_CURRENCIES : GOOD_CURRENCIES);
            List<String> fields = new ArrayList<>();
            if (!"<missing>".equals(amount)) {
                fields.add("\"amount\":" + amount);
            }
            if (!"<missing>".equals(currency)) {
                fields.add("\"currency\":" + currency);
            }
            fields.add("\"confirm\":" + random.nextBoolean());
            if (random.nextBoolean()) {
                fields.add("\"capture_method\":\"" + (random.nextBoolean() ? "automatic" : "manual") + "\"");
            }
            if (random.nextBoolean()) {
                fields.add("""
                        "payment_method":"card","payment_method_data":{"card":{"card_number":"4242424242424242",
                        "card_exp_month":"12","card_exp_year":"2030","card_cvc":"123"}}""");
            }
            java.util.Collections.shuffle(fields, random);
            String body = "{" + String.join(",", fields) + "}";
            String k = random.nextBoolean() ? key() : null;

            Raw r = keyed("/payments", m.apiKey(), k, body);

            String context = "seed " + seed + ", body #" + i + " " + body + " -> " + r.status() + " "
                    + r.response().body();
            assertThat(r.status()).as(context).isBetween(400, 499);
            JsonNode json = r.response().json();
            assertThat(json.propertyNames()).as(context).containsExactly("error");
            assertThat(json.get("error").propertyNames()).as(context).containsExactly("type", "message", "code");
            assertThat(json.get("error").get("type").stringValue()).as(context).isEqualTo("invalid_request");
            assertThat(json.get("error").get("message").stringValue()).as(context).isNotBlank();
        }
        assertThat(payments(m)).as("seed %d", seed).isZero();
        assertThat(simulator.count(Operation.AUTHORIZE)).as("seed %d", seed).isEqualTo(authorizesBefore);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
