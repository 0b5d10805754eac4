package co.vaultera.connector.simulator;

import static co.vaultera.connector.simulator.SimulatorPaymentStatus.CANCELLED;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.FAILED;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.PARTIALLY_CAPTURED;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.REQUIRES_ACTION;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.REQUIRES_CAPTURE;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import co.vaultera.connector.spi.CaptureMethod;
import co.vaultera.connector.spi.CardDetails;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatorProcessorTest {

    private static final String ACCOUNT = "account-a";
    private static final String RETURN_URL = "https://switch.test/payments/pay_1/redirect";

    private final MutableClock clock = new MutableClock();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final SimulatorProcessor processor =
            new SimulatorProcessor(clock, sleeps::add, SimulatorProcessor.DEFAULT_RETENTION);

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4111111111111111", "5555555555554444", "378282246310005",
            "6011111111111117", "38000000000006"})
    void successCardsAreChargedAtOnceWithAutomaticCapture(String number) {
        PaymentView view = authorize(number, CaptureMethod.AUTOMATIC, 1500, "ref-1", null);

        assertThat(view.status()).isEqualTo(SUCCEEDED);
        assertThat(view.amountCaptured()).isEqualTo(1500);
        assertThat(view.amountCapturable()).isZero();
        assertThat(view.networkTransactionId()).hasSize(15);
        assertThat(view.cardLast4()).isEqualTo(number.substring(number.length() - 4));
    }

    @Test
    void successCardsAreOnlyAuthorizedWithManualCapture() {
        PaymentView view = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL, 1500, "ref-1", null);

        assertThat(view.status()).isEqualTo(REQUIRES_CAPTURE);
        assertThat(view.amountCapturable()).isEqualTo(1500);
        assertThat(view.amountCaptured()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"4000000000000002, card_declined", "5105105105105100, card_declined",
            "4000000000009995, insufficient_funds", "4000000000009987, lost_card", "4000000000009979, stolen_card",
            "4000000000000010, card_not_supported", "5454545454545454, card_not_supported"})
    void declineCardsFailWithTheirCode(String number, String code) {
        PaymentView view = authorize(number, CaptureMethod.AUTOMATIC, 1500, "ref-1", null);

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.errorCode()).isEqualTo(code);
        assertThat(view.errorMessage()).isNotBlank();
        assertThat(view.amountCaptured()).isZero();
        assertThat(processor.authorizeCount("ref-1")).isOne();
    }

    @Test
    void threeDsCardWaitsForTheChallengeAndCompleteCharges() {
        PaymentView pending = authorize(SimulatorCards.THREE_DS, CaptureMethod.AUTOMATIC, 900, "ref-1", null);

        assertThat(pending.status()).isEqualTo(REQUIRES_ACTION);
        assertThat(pending.challengePath()).isEqualTo("/simulator/3ds/" + pending.id());

        PaymentView done = processor.completeChallenge(pending.id(), true);
        assertThat(done.status()).isEqualTo(SUCCEEDED);
        assertThat(done.amountCaptured()).isEqualTo(900);
        assertThat(done.challengePath()).isNull();
        assertThat(processor.count(Operation.CHALLENGE, "ref-1")).isOne();
    }

    @Test
    void completedChallengeOnManualCaptureOnlyAuthorizes() {
        PaymentView pending = authorize(SimulatorCards.THREE_DS, CaptureMethod.MANUAL, 900, "ref-1", null);

        assertThat(processor.completeChallenge(pending.id(), true).status()).isEqualTo(REQUIRES_CAPTURE);
    }

    @Test
    void rejectedChallengeFailsAndALaterChoiceChangesNothing() {
        PaymentView pending = authorize(SimulatorCards.THREE_DS, CaptureMethod.AUTOMATIC, 900, "ref-1", null);

        PaymentView rejected = processor.completeChallenge(pending.id(), false);
        PaymentView again = processor.completeChallenge(pending.id(), true);

        assertThat(rejected.status()).isEqualTo(FAILED);
        assertThat(rejected.errorCode()).isEqualTo("authentication_failed");
        assertThat(again.status()).isEqualTo(FAILED);
        assertThat(processor.count(Operation.CHALLENGE, "ref-1")).isOne();
    }

    @Test
    void anUnansweredChallengeExpiresAfterFifteenMinutesAndALateAnswerChangesNothing() {
        PaymentView pending = authorize(SimulatorCards.THREE_DS, CaptureMethod.MANUAL, 900, "ref-1", null);

        clock.advance(Simulation.DEFAULT_CHALLENGE_EXPIRY.minusMillis(1));
        assertThat(processor.payment(ACCOUNT, pending.id(), Simulation.NONE).status()).isEqualTo(REQUIRES_ACTION);
        clock.advance(Duration.ofMillis(1));
        PaymentView expired = processor.paymentByReference(ACCOUNT, "ref-1", Simulation.NONE);

        assertThat(expired.status()).isEqualTo(FAILED);
        assertThat(expired.errorCode()).isEqualTo("authentication_expired");
        assertThat(expired.errorMessage()).contains("did not answer the challenge in time");
        assertThat(expired.challengePath()).isNull();
        assertThat(processor.completeChallenge(pending.id(), true).status()).isEqualTo(FAILED);
        assertThat(processor.count(Operation.CHALLENGE, "ref-1")).isZero();
        assertRefused(() -> processor.voidPayment(ACCOUNT, pending.id(), null, Simulation.NONE), 409,
                "payment_unexpected_state");
    }

    @Test
    void aChallengeExpiresWhenItsCallersExpirySaysSoButNeverOnceAnswered() {
        Simulation shortChallenge = new Simulation(null, null, null, null, Duration.ofSeconds(30));
        PaymentView unanswered = processor.authorize(ACCOUNT, new AuthorizeCommand("ref-1", 900, "EUR",
                CaptureMethod.AUTOMATIC, card(SimulatorCards.THREE_DS), RETURN_URL, null), shortChallenge);
        PaymentView answered = processor.authorize(ACCOUNT, new AuthorizeCommand("ref-2", 900, "EUR",
                CaptureMethod.AUTOMATIC, card(SimulatorCards.THREE_DS), RETURN_URL, null), shortChallenge);
        processor.completeChallenge(answered.id(), true);

        clock.advance(Duration.ofSeconds(30));

        assertThat(processor.payment(ACCOUNT, unanswered.id(), Simulation.NONE).errorCode())
                .isEqualTo("authentication_expired");
        assertThat(processor.payment(ACCOUNT, answered.id(), Simulation.NONE).status()).isEqualTo(SUCCEEDED);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 900_001})
    void aChallengeExpiryOfNothingOrOverFifteenMinutesIsRefused(long millis) {
        assertThatThrownBy(() -> new Simulation(null, null, null, null, Duration.ofMillis(millis)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("challenge expiry");
    }

    @Test
    void threeDsCardWithoutReturnUrlIsRejected() {
        AuthorizeCommand command = new AuthorizeCommand("ref-1", 900, "EUR", CaptureMethod.AUTOMATIC,
                card(SimulatorCards.THREE_DS), null, null);

        assertRefused(() -> processor.authorize(ACCOUNT, command, Simulation.NONE), 400, "parameter_missing");
    }

    @Test
    void scheduledCaptureIsNotSupported() {
        assertRefused(() -> authorize(SimulatorCards.VISA, CaptureMethod.SCHEDULED, 100, "ref-1", null), 400,
                "capture_method_not_supported");
    }

    @Test
    void manualCaptureTakesOnePartialCaptureAndReleasesTheRest() {
        PaymentView auth = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL, 1000, "ref-1", null);

        PaymentView captured = processor.capture(ACCOUNT, auth.id(), 600, null, Simulation.NONE);

        assertThat(captured.status()).isEqualTo(SUCCEEDED);
        assertThat(captured.amountCaptured()).isEqualTo(600);
        assertThat(captured.amountCapturable()).isZero();
        assertRefused(() -> processor.capture(ACCOUNT, auth.id(), 400, null, Simulation.NONE), 409,
                "payment_unexpected_state");
    }

    @Test
    void manualMultipleCapturesUpToTheAuthorizedAmount() {
        PaymentView auth = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL_MULTIPLE, 1000, "ref-1", null);

        PaymentView first = processor.capture(ACCOUNT, auth.id(), 300, null, Simulation.NONE);
        PaymentView second = processor.capture(ACCOUNT, auth.id(), 700, null, Simulation.NONE);

        assertThat(first.status()).isEqualTo(PARTIALLY_CAPTURED);
        assertThat(first.amountCapturable()).isEqualTo(700);
        assertThat(second.status()).isEqualTo(SUCCEEDED);
        assertThat(second.amountCaptured()).isEqualTo(1000);
        assertThat(processor.count(Operation.CAPTURE, "ref-1")).isEqualTo(2);
    }

    @Test
    void overCaptureIsRejectedAndChangesNothing() {
        PaymentView auth = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL_MULTIPLE, 1000, "ref-1", null);
        processor.capture(ACCOUNT, auth.id(), 400, null, Simulation.NONE);

        assertRefused(() -> processor.capture(ACCOUNT, auth.id(), 601, null, Simulation.NONE), 400,
                "amount_too_large");
        assertThat(processor.payment(ACCOUNT, auth.id(), Simulation.NONE).amountCaptured()).isEqualTo(400);
    }

    @Test
    void capturingAnAutomaticPaymentIsRejected() {
        PaymentView charged = authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-1", null);

        assertRefused(() -> processor.capture(ACCOUNT, charged.id(), 1000, null, Simulation.NONE), 409,
                "payment_unexpected_state");
    }

    @Test
    void voidCancelsAnAuthorizationButNotACharge() {
        PaymentView auth = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL, 1000, "ref-1", null);
        PaymentView charged = authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-2", null);

        PaymentView voided = processor.voidPayment(ACCOUNT, auth.id(), null, Simulation.NONE);

        assertThat(voided.status()).isEqualTo(CANCELLED);
        assertThat(voided.amountCapturable()).isZero();
        assertRefused(() -> processor.voidPayment(ACCOUNT, charged.id(), null, Simulation.NONE), 409,
                "payment_unexpected_state");
        assertRefused(() -> processor.capture(ACCOUNT, auth.id(), 10, null, Simulation.NONE), 409,
                "payment_unexpected_state");
    }

    @Test
    void voidAfterPartialCapturesReleasesTheRemainder() {
        PaymentView auth = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL_MULTIPLE, 1000, "ref-1", null);
        processor.capture(ACCOUNT, auth.id(), 250, null, Simulation.NONE);

        PaymentView after = processor.voidPayment(ACCOUNT, auth.id(), null, Simulation.NONE);

        assertThat(after.status()).isEqualTo(SUCCEEDED);
        assertThat(after.amountCaptured()).isEqualTo(250);
        assertThat(after.amountCapturable()).isZero();
    }

    @Test
    void multiplePartialRefundsSucceedUntilTheCapturedAmountIsUsedUp() {
        PaymentView charged = authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-1", null);

        RefundView first = processor.refund(ACCOUNT, charged.id(), 600, "ref_a", null, Simulation.NONE);
        RefundView second = processor.refund(ACCOUNT, charged.id(), 400, "ref_b", null, Simulation.NONE);
        RefundView third = processor.refund(ACCOUNT, charged.id(), 1, "ref_c", null, Simulation.NONE);

        assertThat(first.status()).isEqualTo(SimulatorRefundStatus.SUCCEEDED);
        assertThat(second.status()).isEqualTo(SimulatorRefundStatus.SUCCEEDED);
        assertThat(third.status()).isEqualTo(SimulatorRefundStatus.FAILED);
        assertThat(third.errorMessage()).isEqualTo("refund amount exceeds payment amount");
        assertThat(processor.payment(ACCOUNT, charged.id(), Simulation.NONE).amountRefunded()).isEqualTo(1000);
        assertThat(processor.refundByReference(ACCOUNT, "ref_c", Simulation.NONE)).isEqualTo(third);
        assertThat(processor.refund(ACCOUNT, first.id(), Simulation.NONE)).isEqualTo(first);
    }

    @Test
    void aRefundHeldForReviewHoldsItsAmountAndSucceedsWhenTheReviewEnds() {
        PaymentView charged = authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-1", null);
        Simulation review = new Simulation(null, null, null, Duration.ofMinutes(2), null);

        RefundView held = processor.refund(ACCOUNT, charged.id(), 700, "ref_a", null, review);
        RefundView over = processor.refund(ACCOUNT, charged.id(), 301, "ref_b", null, review);

        assertThat(held.status()).isEqualTo(SimulatorRefundStatus.REVIEW);
        assertThat(over.status()).isEqualTo(SimulatorRefundStatus.FAILED);
        clock.advance(Duration.ofSeconds(119));
        assertThat(processor.refund(ACCOUNT, held.id(), Simulation.NONE).status())
                .isEqualTo(SimulatorRefundStatus.REVIEW);
        clock.advance(Duration.ofSeconds(1));
        RefundView decided = processor.refundByReference(ACCOUNT, "ref_a", Simulation.NONE);
        assertThat(decided.status()).isEqualTo(SimulatorRefundStatus.SUCCEEDED);
        assertThat(decided.id()).isEqualTo(held.id());
        assertThat(decided.amount()).isEqualTo(700);
        assertThat(processor.payment(ACCOUNT, charged.id(), Simulation.NONE).amountRefunded()).isEqualTo(700);
    }

    @Test
    void refundsAreLimitedToTheCapturedNotTheAuthorizedAmount() {
        PaymentView auth = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL, 1000, "ref-1", null);
        assertRefused(() -> processor.refund(ACCOUNT, auth.id(), 100, "ref_a", null, Simulation.NONE), 400,
                "charge_not_refundable");
        processor.capture(ACCOUNT, auth.id(), 300, null, Simulation.NONE);

        RefundView refund = processor.refund(ACCOUNT, auth.id(), 301, "ref_a", null, Simulation.NONE);

        assertThat(refund.status()).isEqualTo(SimulatorRefundStatus.FAILED);
    }

    @Test
    void sameAuthorizeKeyReturnsTheSamePaymentAndChargesOnce() {
        PaymentView first = authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-1", "key-1");
        PaymentView second = authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-1", "key-1");

        assertThat(second).isEqualTo(first);
        assertThat(processor.authorizeCount("ref-1")).isOne();
        assertThat(processor.count(Operation.AUTHORIZE)).isOne();
    }

    @Test
    void reusingAKeyWithOtherParametersIsRejected() {
        authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-1", "key-1");

        assertRefused(() -> authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 999, "ref-1", "key-1"), 400,
                "idempotency_key_reused");
    }

    @Test
    void concurrentAuthorizesWithOneKeyChargeExactlyOnce() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<PaymentView>> calls = IntStream.range(0, 50).mapToObj(i -> pool.submit(() ->
                    authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-1", "key-1"))).toList();
            for (Future<PaymentView> call : calls) {
                assertThat(call.get().status()).isEqualTo(SUCCEEDED);
            }
            assertThat(calls.stream().map(SimulatorProcessorTest::join).map(PaymentView::id).distinct()).hasSize(1);
        }
        assertThat(processor.authorizeCount("ref-1")).isOne();
    }

    @Test
    void sameCaptureAndRefundKeysActOnce() {
        PaymentView auth = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL_MULTIPLE, 1000, "ref-1", null);

        processor.capture(ACCOUNT, auth.id(), 500, "cap-1", Simulation.NONE);
        PaymentView replay = processor.capture(ACCOUNT, auth.id(), 500, "cap-1", Simulation.NONE);
        RefundView refund = processor.refund(ACCOUNT, auth.id(), 200, "ref_a", "rf-1", Simulation.NONE);
        RefundView refundReplay = processor.refund(ACCOUNT, auth.id(), 200, "ref_a", "rf-1", Simulation.NONE);

        assertThat(replay.amountCaptured()).isEqualTo(500);
        assertThat(refundReplay).isEqualTo(refund);
        assertThat(processor.count(Operation.CAPTURE, "ref-1")).isOne();
        assertThat(processor.count(Operation.REFUND, "ref-1")).isOne();
        assertThat(processor.payment(ACCOUNT, auth.id(), Simulation.NONE).amountRefunded()).isEqualTo(200);
    }

    @Test
    void processorErrorChargesNothingAndLeavesTheKeyFree() {
        Simulation fault = new Simulation(Duration.ofMillis(20), Fault.PROCESSOR_ERROR, null, null, null);
        AuthorizeCommand command = new AuthorizeCommand("ref-1", 1000, "USD", CaptureMethod.AUTOMATIC,
                card(SimulatorCards.VISA), null, "key-1");

        assertRefused(() -> processor.authorize(ACCOUNT, command, fault), 500, "processor_error");
        assertThat(processor.authorizeCount("ref-1")).isZero();
        assertThat(processor.authorize(ACCOUNT, command, Simulation.NONE).status()).isEqualTo(SUCCEEDED);
        assertThat(sleeps).containsExactly(Duration.ofMillis(20));
    }

    @Test
    void processorErrorCardFailsWithoutAnyMetadata() {
        assertRefused(() -> authorize(SimulatorCards.PROCESSOR_ERROR, CaptureMethod.AUTOMATIC, 1000, "ref-1", null),
                500, "processor_error");
        assertThat(processor.count(Operation.AUTHORIZE)).isZero();
    }

    @Test
    void timeoutAfterChargeRecordsTheChargeBeforeTheDelayedAnswer() {
        Simulation fault = new Simulation(Duration.ZERO, Fault.TIMEOUT_AFTER_CHARGE, Duration.ofSeconds(3), null, null);
        AuthorizeCommand command = new AuthorizeCommand("ref-1", 1000, "USD", CaptureMethod.AUTOMATIC,
                card(SimulatorCards.VISA), null, "key-1");

        processor.authorize(ACCOUNT, command, fault);
        PaymentView replay = processor.authorize(ACCOUNT, command, fault);

        assertThat(sleeps).as("the replay answers without the fault delay").containsExactly(Duration.ofSeconds(3));
        assertThat(processor.paymentByReference(ACCOUNT, "ref-1", Simulation.NONE)).isEqualTo(replay);
        assertThat(replay.status()).isEqualTo(SUCCEEDED);
        assertThat(processor.authorizeCount("ref-1")).isOne();
    }

    @Test
    void timeoutCardDelaysItsAnswerByTheDefaultFaultDelay() {
        authorize(SimulatorCards.TIMEOUT_AFTER_CHARGE, CaptureMethod.AUTOMATIC, 1000, "ref-1", null);

        assertThat(sleeps).containsExactly(Simulation.DEFAULT_FAULT_DELAY);
        assertThat(processor.paymentByReference(ACCOUNT, "ref-1", Simulation.NONE).status()).isEqualTo(SUCCEEDED);
    }

    @Test
    void latencyIsAddedToEveryAnswer() {
        Simulation slow = new Simulation(Duration.ofMillis(250), Fault.NONE, null, null, null);
        PaymentView auth = processor.authorize(ACCOUNT, new AuthorizeCommand("ref-1", 1000, "USD",
                CaptureMethod.MANUAL, card(SimulatorCards.VISA), null, null), slow);

        processor.payment(ACCOUNT, auth.id(), slow);
        processor.capture(ACCOUNT, auth.id(), 1000, null, slow);

        assertThat(sleeps).hasSize(3).allMatch(Duration.ofMillis(250)::equals);
    }

    @Test
    void anotherAccountCannotSeeOrTouchThePayment() {
        PaymentView auth = authorize(SimulatorCards.VISA, CaptureMethod.MANUAL, 1000, "ref-1", null);

        assertRefused(() -> processor.payment("account-b", auth.id(), Simulation.NONE), 404, "resource_missing");
        assertRefused(() -> processor.capture("account-b", auth.id(), 10, null, Simulation.NONE), 404,
                "resource_missing");
        assertRefused(() -> processor.paymentByReference("account-b", "ref-1", Simulation.NONE), 404,
                "resource_missing");
    }

    @Test
    void stateIsKeptForFortyEightHoursThenPurged() {
        PaymentView old = authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-1", null);

        clock.advance(Duration.ofHours(47));
        authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-2", null);
        assertThat(processor.payment(ACCOUNT, old.id(), Simulation.NONE).id()).isEqualTo(old.id());

        clock.advance(Duration.ofHours(2));
        authorize(SimulatorCards.VISA, CaptureMethod.AUTOMATIC, 1000, "ref-3", null);
        assertRefused(() -> processor.payment(ACCOUNT, old.id(), Simulation.NONE), 404, "resource_missing");
        assertRefused(() -> processor.paymentByReference(ACCOUNT, "ref-1", Simulation.NONE), 404, "resource_missing");
        assertThat(processor.authorizeCount("ref-1")).isZero();
        assertThat(processor.count(Operation.AUTHORIZE)).isEqualTo(3);
    }

    private PaymentView authorize(String number, CaptureMethod method, long amount, String reference, String key) {
        return processor.authorize(ACCOUNT, new AuthorizeCommand(reference, amount, "USD", method, card(number),
                RETURN_URL, key), Simulation.NONE);
    }

    private static CardDetails card(String number) {
        return new CardDetails(number, 12, 2034, "Ada Lovelace", "123");
    }

    private static PaymentView join(Future<PaymentView> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SimulatorException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
