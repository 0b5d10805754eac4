package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import co.vaultera.apikey.ApiKeyService;
import co.vaultera.common.Timestamps;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.payment.PaymentOutcomes.Applied;
import co.vaultera.payment.PaymentOutcomes.Outcome;
import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The multi-row statements that concurrent payments share (the new payment's insert, the outcome's transaction),
 * given mixed batches directly: over HTTP, which calls end up in one batch depends on timing.
 */
class PaymentBatchesIT extends PaymentTestSupport {

    @Autowired
    NewPayments newPayments;

    @Autowired
    PaymentRepository payments;

    @Autowired
    PaymentOutcomes outcomes;

    @Autowired
    ApiKeyService apiKeys;

    private MerchantContext a;
    private MerchantContext b;

    @BeforeEach
    void twoMerchants() {
        a = apiKeys.authenticate(newMerchant().apiKey()).orElseThrow();
        b = apiKeys.authenticate(newMerchant().apiKey()).orElseThrow();
    }

    @Test
    void oneInsertOfManyMerchantsPaymentsAnswersPerRowWhetherItInsertedAndWritesEachAttemptOnlyWithItsIntent() {
        String taken = unique("pay");
        assertThat(newPayments.insert(List.of(row(a, started(taken))))).containsExactly(true);
        String shared = unique("pay");
        String unconfirmed = unique("pay");

        List<Boolean> inserted = newPayments.insert(List.of(row(a, started(shared)), row(b, started(shared)),
                row(a, started(taken)), row(a, started(shared)),
                payments.newRow(a.dataKey(), intent(unconfirmed, IntentStatus.REQUIRES_CONFIRMATION, null), card(),
                        null, null)));

        assertThat(inserted).containsExactly(true, true, false, false, true);
        assertThat(payments.findIntent(b.dataKey(), shared).orElseThrow().status())
                .isEqualTo(IntentStatus.PROCESSING);
        assertThat(payments.attemptsOf(b.merchantId(), shared)).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(AttemptStatus.PENDING));
        assertThat(payments.attemptsOf(a.merchantId(), taken)).hasSize(1);
        assertThat(payments.attemptsOf(a.merchantId(), unconfirmed)).isEmpty();
        assertThat(payments.loadCard(a.dataKey(), unconfirmed)).contains(card());
    }

    @Test
    void oneOutcomeTransactionAppliesEachInOrderToItsOwnMerchantsPaymentAndSkipsThoseThatMovedOn() {
        String id = unique("pay");
        String other = unique("pay");
        newPayments.insert(List.of(row(a, started(id)), row(b, started(id)), row(a, started(other))));

        List<Optional<Applied>> applied = outcomes.applyAll(List.of(
                outcome(a, id, AttemptStatus.PENDING, PaymentResult.of(AttemptStatus.CHARGED, "txn_a")),
                outcome(b, id, AttemptStatus.PENDING, PaymentResult.of(AttemptStatus.FAILURE, null)
                        .withError("card_declined", "Your card was declined.")),
                outcome(a, id, AttemptStatus.PENDING, PaymentResult.of(AttemptStatus.FAILURE, null)),
                outcome(a, other, AttemptStatus.AUTHORIZED, PaymentResult.of(AttemptStatus.CHARGED, "txn_x")),
                outcome(a, unique("pay"), AttemptStatus.PENDING, PaymentResult.of(AttemptStatus.CHARGED, "txn_y"))));

        assertThat(applied.get(0)).hasValueSatisfying(x -> assertThat(x.intent().status())
                .isEqualTo(IntentStatus.SUCCEEDED));
        assertThat(applied.get(1)).hasValueSatisfying(x -> assertThat(x.intent().status())
                .isEqualTo(IntentStatus.FAILED));
        assertThat(applied.subList(2, 5)).containsOnly(Optional.empty());
        assertStored(a, id, IntentStatus.SUCCEEDED, AttemptStatus.CHARGED, 1000);
        assertStored(b, id, IntentStatus.FAILED, AttemptStatus.FAILURE, 0);
        assertStored(a, other, IntentStatus.PROCESSING, AttemptStatus.PENDING, 0);
        assertThat(payments.attemptsOf(b.merchantId(), id).getFirst().errorCode()).isEqualTo("card_declined");
    }

    @Test
    void twoOutcomesOfOnePaymentInOneTransactionApplyOneAfterTheOtherBesideOtherPaymentsOutcomes() {
        String id = unique("pay");
        String other = unique("pay");
        newPayments.insert(List.of(row(a, started(id)), row(a, started(other)), row(b, started(id))));

        List<Optional<Applied>> applied = outcomes.applyAll(List.of(
                outcome(a, id, AttemptStatus.PENDING, PaymentResult.of(AttemptStatus.AUTHORIZED, "txn_1")),
                outcome(a, other, AttemptStatus.PENDING, PaymentResult.of(AttemptStatus.CHARGED, "txn_2")),
                outcome(a, id, AttemptStatus.AUTHORIZED, PaymentResult.of(AttemptStatus.CHARGED, "txn_1")),
                outcome(b, id, AttemptStatus.PENDING, PaymentResult.of(AttemptStatus.AUTHORIZED, "txn_3"))));

        assertThat(applied).allSatisfy(x -> assertThat(x).isPresent());
        assertStored(a, id, IntentStatus.SUCCEEDED, AttemptStatus.CHARGED, 1000);
        assertStored(a, other, IntentStatus.SUCCEEDED, AttemptStatus.CHARGED, 1000);
        assertStored(b, id, IntentStatus.REQUIRES_CAPTURE, AttemptStatus.AUTHORIZED, 0);
        assertThat(payments.attemptsOf(b.merchantId(), id).getFirst().amountCapturable()).isEqualTo(1000);
    }

    @Test
    void anOutcomeOfAnEarlierAttemptWritesOnlyThatAttemptWhileTheActiveAttemptsOutcomeMovesTheIntent() {
        String id = unique("pay");
        newPayments.insert(List.of(row(a, started(id))));
        // A second attempt became the active one while the first still waited for its processor.
        jdbc.sql("""
                insert into payment_attempt (merchant_id, attempt_id, payment_id, status, connector,
                    merchant_connector_id, amount, currency, capture_method, authentication_type, amount_capturable,
                    amount_captured, payment_method, payment_method_type, created_at, modified_at)
                select merchant_id, attempt_id || '_next', payment_id, status, connector, merchant_connector_id,
                       amount, currency, capture_method, authentication_type, amount_capturable, amount_captured,
                       payment_method, payment_method_type, created_at, modified_at
                  from payment_attempt where merchant_id = ? and attempt_id = ?""")
                .params(a.merchantId(), id + "_1").update();
        String active = id + "_1_next";
        jdbc.sql("update payment_intent set active_attempt_id = ?, attempt_count = 2 where merchant_id = ?"
                + " and payment_id = ?").params(active, a.merchantId(), id).update();

        List<Optional<Applied>> applied = outcomes.applyAll(List.of(
                new Outcome(a, id, active, AttemptStatus.PENDING,
                        null, PaymentResult.of(AttemptStatus.FAILURE, null).withError("card_declined", "Declined."),
                        0, false),
                outcome(a, id, AttemptStatus.PENDING, PaymentResult.of(AttemptStatus.VOIDED, "txn_late"))));

        assertThat(applied).allSatisfy(x -> assertThat(x).isPresent());
        assertThat(payments.findIntent(a.dataKey(), id).orElseThrow().status()).isEqualTo(IntentStatus.FAILED);
        assertThat(payments.attemptsOf(a.merchantId(), id)).extracting(PaymentAttempt::attemptId,
                PaymentAttempt::status).containsExactlyInAnyOrder(
                tuple(id + "_1", AttemptStatus.VOIDED),
                tuple(active, AttemptStatus.FAILURE));
    }

    @Test
    void aSyncAnswerIsDroppedWhenTheAttemptWasWrittenSinceTheSyncReadItEvenInTheSameStatus() {
        String id = unique("pay");
        newPayments.insert(List.of(row(a, started(id))));
        PaymentAttempt seen = payments.attemptsOf(a.merchantId(), id).getFirst();
        // Meanwhile another flow wrote the attempt and left it in the status the sync saw (as a capture of
        // manual_multiple does): the sync's answer may predate that write.
        jdbc.sql("update payment_attempt set modified_at = modified_at + interval '1 millisecond' "
                + "where merchant_id = ? and attempt_id = ?").params(a.merchantId(), seen.attemptId()).update();

        Optional<Applied> stale = outcomes.applySync(a, seen, PaymentResult.of(AttemptStatus.CHARGED, "txn_s"), 0,
                true);
        Optional<Applied> fresh = outcomes.applySync(a, payments.attemptsOf(a.merchantId(), id).getFirst(),
                PaymentResult.of(AttemptStatus.CHARGED, "txn_s"), 0, true);

        assertThat(stale).isEmpty();
        assertThat(fresh).hasValueSatisfying(x -> assertThat(x.intent().status()).isEqualTo(IntentStatus.SUCCEEDED));
    }

    private void assertStored(MerchantContext m, String paymentId, IntentStatus intent, AttemptStatus attempt,
                              long captured) {
        PaymentIntent p = payments.findIntent(m.dataKey(), paymentId).orElseThrow();
        assertThat(p.status()).isEqualTo(intent);
        assertThat(p.amountCaptured()).isEqualTo(captured);
        assertThat(p.email()).isEqualTo("shopper@example.com");
        assertThat(payments.attemptsOf(m.merchantId(), paymentId)).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(attempt));
    }

    private static Outcome outcome(MerchantContext m, String paymentId, AttemptStatus expected, PaymentResult r) {
        return new Outcome(m, paymentId, paymentId + "_1", expected, null, r, 0, false);
    }

    private NewPayments.Row row(MerchantContext m, PaymentIntent p) {
        Instant now = Timestamps.now();
        PaymentAttempt first = new PaymentAttempt(p.activeAttemptId(), p.paymentId(), AttemptStatus.PENDING,
                "stripe_test", "mca_test", p.amount(), p.currency(), p.captureMethod(), p.authenticationType(), 0, 0,
                null, null, null, null, null, "card", null, 0, now, now);
        return payments.newRow(m.dataKey(), p, card(), first, now.plusSeconds(90));
    }

    private static PaymentIntent started(String paymentId) {
        return intent(paymentId, IntentStatus.PROCESSING, paymentId + "_1");
    }

    private static PaymentIntent intent(String paymentId, IntentStatus status, String attemptId) {
        Instant now = Timestamps.now();
        return new PaymentIntent(paymentId, status, 1000, "USD", 0, null, "automatic", "no_three_ds", null, null,
                null, null, null, paymentId + "_secret_x", attemptId, attemptId == null ? 0 : 1, "pro_test", null,
                "shopper@example.com", null, null, null, null, null, null, null, null, "card", null,
                new PaymentIntent.StoredCard("424242", "4242", "Visa", "12", "2030", "Ann"), null, now, now,
                now.plusSeconds(900), null);
    }

    private static CardDetails card() {
        return new CardDetails(VISA, 12, 2030, "Ann", null);
    }
}
