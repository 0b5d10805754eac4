package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.PaymentResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a refused capture or void records given the processor's own view ({@link SyncRules#reconcile}), and
 * which answers of a merchant's force_sync are news ({@link SyncRules#newsFor}).
 */
class SyncRulesTest {

    private static final PaymentResult VOID_REFUSED = PaymentResult.of(AttemptStatus.VOID_FAILED, null)
            .withError("payment_unexpected_state", "Payment is succeeded");

    private static PaymentAttempt attempt(AttemptStatus status, long captured, long capturable) {
        Instant now = Instant.now();
        return new PaymentAttempt("pay_1_1", "pay_1", status, "stripe_test", "mca_1", 1000, "USD", "manual_multiple",
                "no_three_ds", capturable, captured, "sim_1", null, null, null, null, "card", "credit", 0, now, now);
    }

    @Test
    void theRefusalStandsWhileTheProcessorStillReportsWhatTheAttemptWas() {
        PaymentResult now = PaymentResult.of(AttemptStatus.AUTHORIZED, "sim_1").withAmounts(0, 1000);

        assertThat(SyncRules.reconcile(attempt(AttemptStatus.AUTHORIZED, 0, 1000), VOID_REFUSED, now))
                .isSameAs(VOID_REFUSED);
    }

    @Test
    void whatTheProcessorReportsIsRecordedWithTheRefusalWhenThePaymentMovedMeanwhile() {
        PaymentResult now = PaymentResult.of(AttemptStatus.CHARGED, "sim_1").withAmounts(1000, 0);

        PaymentResult recorded = SyncRules.reconcile(attempt(AttemptStatus.AUTHENTICATION_PENDING, 0, 0),
                VOID_REFUSED, now);

        assertThat(recorded.status()).isEqualTo(AttemptStatus.CHARGED);
        assertThat(recorded.amountCaptured()).isEqualTo(1000);
        assertThat(recorded.connectorTransactionId()).isEqualTo("sim_1");
        assertThat(recorded.errorCode()).isEqualTo("payment_unexpected_state");
        assertThat(recorded.errorMessage()).isEqualTo("Payment is succeeded");
    }

    @Test
    void aFailureTheProcessorReportsKeepsItsOwnReasonRatherThanTheRefusals() {
        PaymentResult now = PaymentResult.of(AttemptStatus.FAILURE, "sim_1")
                .withError("authentication_expired", "3DS authentication expired");

        PaymentResult recorded = SyncRules.reconcile(attempt(AttemptStatus.AUTHENTICATION_PENDING, 0, 0),
                VOID_REFUSED, now);

        assertThat(recorded).isSameAs(now);
    }

    @Test
    void moreCapturedAtTheProcessorInTheSameStatusIsRecordedToo() {
        PaymentResult now = PaymentResult.of(AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE, "sim_1")
                .withAmounts(600, 400);

        PaymentResult recorded = SyncRules.reconcile(
                attempt(AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE, 400, 600), VOID_REFUSED, now);

        assertThat(recorded.amountCaptured()).isEqualTo(600);
        assertThat(recorded.amountCapturable()).isEqualTo(400);
    }

    @Test
    void aForceSyncDuringACaptureRecordsOnlyTheCapturesEffect() {
        PaymentAttempt capturing = attempt(AttemptStatus.CAPTURE_INITIATED, 400, 600);

        assertThat(SyncRules.newsFor(capturing, PaymentResult.of(AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE,
                "sim_1").withAmounts(400, 600))).as("the capture has not reached the processor yet").isFalse();
        assertThat(SyncRules.newsFor(capturing, PaymentResult.of(AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE,
                "sim_1").withAmounts(700, 300))).isTrue();
        assertThat(SyncRules.newsFor(capturing, PaymentResult.of(AttemptStatus.CHARGED, "sim_1"))).isTrue();
        assertThat(SyncRules.newsFor(attempt(AttemptStatus.VOID_INITIATED, 0, 1000),
                PaymentResult.of(AttemptStatus.AUTHORIZED, "sim_1"))).isFalse();
        assertThat(SyncRules.newsFor(attempt(AttemptStatus.VOID_INITIATED, 0, 1000),
                PaymentResult.of(AttemptStatus.VOIDED, "sim_1"))).isTrue();
    }

    @Test
    void aForceSyncThatFindsTheAttemptAsStoredOrNothingAtAllIsNoNews() {
        PaymentAttempt waiting = attempt(AttemptStatus.AUTHENTICATION_PENDING, 0, 0);

        assertThat(SyncRules.newsFor(waiting, null)).isFalse();
        assertThat(SyncRules.newsFor(waiting, PaymentResult.of(AttemptStatus.AUTHENTICATION_PENDING, "sim_1")))
                .isFalse();
        assertThat(SyncRules.newsFor(waiting, PaymentResult.of(AttemptStatus.CHARGED, "sim_1"))).isTrue();
    }

    @Test
    void aRefusedVoidOfAPaymentWaitingForItsShopperLeavesItWaitingWithTheRefusal() {
        PaymentAttempt waiting = attempt(AttemptStatus.AUTHENTICATION_PENDING, 0, 0);
        PaymentResult stillWaiting = PaymentResult.of(AttemptStatus.AUTHENTICATION_PENDING, "sim_1");

        PaymentResult checked = SyncRules.reconcile(waiting, VOID_REFUSED, stillWaiting);
        PaymentResult unchecked = SyncRules.refusalUnchecked(waiting, VOID_REFUSED);

        for (PaymentResult recorded : new PaymentResult[] {checked, unchecked}) {
            assertThat(recorded.status()).isEqualTo(AttemptStatus.AUTHENTICATION_PENDING);
            assertThat(recorded.connectorTransactionId()).isEqualTo("sim_1");
            assertThat(recorded.errorCode()).isEqualTo("payment_unexpected_state");
        }
        assertThat(SyncRules.refusalUnchecked(attempt(AttemptStatus.AUTHORIZED, 0, 1000), VOID_REFUSED))
                .isSameAs(VOID_REFUSED);
    }
}
