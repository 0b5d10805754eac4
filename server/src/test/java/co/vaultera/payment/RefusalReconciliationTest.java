package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.PaymentResult;
import org.junit.jupiter.api.Test;

/** {@link PaymentLifecycle#reconcile}: what a refused capture or void records, given the processor's own view. */
class RefusalReconciliationTest {

    private static final PaymentResult VOID_REFUSED = PaymentResult.of(AttemptStatus.VOID_FAILED, null)
            .withError("payment_unexpected_state", "Payment is succeeded");

    @Test
    void theRefusalStandsWhileTheProcessorStillReportsWhatTheAttemptWas() {
        PaymentResult now = PaymentResult.of(AttemptStatus.AUTHORIZED, "sim_1").withAmounts(0, 1000);

        assertThat(PaymentLifecycle.reconcile(AttemptStatus.AUTHORIZED, VOID_REFUSED, now)).isSameAs(VOID_REFUSED);
    }

    @Test
    void whatTheProcessorReportsIsRecordedWithTheRefusalWhenThePaymentMovedMeanwhile() {
        PaymentResult now = PaymentResult.of(AttemptStatus.CHARGED, "sim_1").withAmounts(1000, 0);

        PaymentResult recorded = PaymentLifecycle.reconcile(AttemptStatus.AUTHENTICATION_PENDING, VOID_REFUSED, now);

        assertThat(recorded.status()).isEqualTo(AttemptStatus.CHARGED);
        assertThat(recorded.amountCaptured()).isEqualTo(1000);
        assertThat(recorded.connectorTransactionId()).isEqualTo("sim_1");
        assertThat(recorded.errorCode()).isEqualTo("payment_unexpected_state");
        assertThat(recorded.errorMessage()).isEqualTo("Payment is succeeded");
    }
}
