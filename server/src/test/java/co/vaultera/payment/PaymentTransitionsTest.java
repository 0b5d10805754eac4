package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.connector.spi.AttemptStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every (status, operation) pair of the state machine against the reference's lifecycle table. */
class PaymentTransitionsTest {

    /** payments.md §3, written out independently of the production table. */
    private static final Map<PaymentOperation, Set<IntentStatus>> REFERENCE = Map.of(
            PaymentOperation.UPDATE, EnumSet.of(IntentStatus.REQUIRES_PAYMENT_METHOD,
                    IntentStatus.REQUIRES_CONFIRMATION),
            PaymentOperation.CONFIRM, EnumSet.of(IntentStatus.REQUIRES_PAYMENT_METHOD,
                    IntentStatus.REQUIRES_CONFIRMATION, IntentStatus.FAILED),
            PaymentOperation.CAPTURE, EnumSet.of(IntentStatus.REQUIRES_CAPTURE,
                    IntentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE,
                    IntentStatus.PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE),
            PaymentOperation.CANCEL, EnumSet.complementOf(EnumSet.of(IntentStatus.FAILED, IntentStatus.SUCCEEDED,
                    IntentStatus.CANCELLED, IntentStatus.PROCESSING, IntentStatus.REQUIRES_MERCHANT_ACTION,
                    IntentStatus.REVIEW, IntentStatus.CANCELLED_POST_CAPTURE, IntentStatus.PARTIALLY_CAPTURED,
                    IntentStatus.EXPIRED, IntentStatus.PARTIALLY_CAPTURED_AND_PROCESSING, IntentStatus.CONFLICTED)),
            PaymentOperation.SYNC, EnumSet.of(IntentStatus.PROCESSING, IntentStatus.REQUIRES_CUSTOMER_ACTION,
                    IntentStatus.REQUIRES_MERCHANT_ACTION, IntentStatus.REQUIRES_CAPTURE,
                    IntentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE),
            PaymentOperation.COMPLETE_AUTHORIZE, EnumSet.of(IntentStatus.REQUIRES_CUSTOMER_ACTION));

    @Test
    void everyStatusAndOperationPairIsEitherAListedTransitionOrRejectedWithIr14() {
        int allowed = 0;
        int rejected = 0;
        for (PaymentOperation op : PaymentOperation.values()) {
            for (IntentStatus status : IntentStatus.values()) {
                boolean expected = REFERENCE.get(op).contains(status);
                assertThat(PaymentTransitions.allowed(status, op)).as("%s from %s", op, status).isEqualTo(expected);
                if (expected) {
                    PaymentTransitions.require(status, op);
                    allowed++;
                } else {
                    assertThatThrownBy(() -> PaymentTransitions.require(status, op))
                            .isInstanceOfSatisfying(ApiException.class, e -> {
                                assertThat(e.code()).isEqualTo(ErrorCode.IR_14);
                                assertThat(e.getMessage()).contains("status of " + status.wireName());
                            });
                    rejected++;
                }
            }
        }
        assertThat(allowed + rejected).isEqualTo(PaymentOperation.values().length * IntentStatus.values().length);
    }

    @Test
    void everyAttemptStatusMapsToTheReferenceIntentStatus() {
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.CHARGED)).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.AUTHORIZED)).isEqualTo(IntentStatus.REQUIRES_CAPTURE);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.AUTHENTICATION_PENDING))
                .isEqualTo(IntentStatus.REQUIRES_CUSTOMER_ACTION);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.PENDING)).isEqualTo(IntentStatus.PROCESSING);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.FAILURE)).isEqualTo(IntentStatus.FAILED);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.VOIDED)).isEqualTo(IntentStatus.CANCELLED);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.PARTIAL_CHARGED))
                .isEqualTo(IntentStatus.PARTIALLY_CAPTURED);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE))
                .isEqualTo(IntentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.CAPTURE_INITIATED))
                .isEqualTo(IntentStatus.PROCESSING);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.INTEGRITY_FAILURE))
                .isEqualTo(IntentStatus.CONFLICTED);
        assertThat(PaymentTransitions.intentStatusOf(AttemptStatus.CAPTURE_REVIEW)).isEqualTo(IntentStatus.REVIEW);
        for (AttemptStatus a : AttemptStatus.values()) {
            assertThat(PaymentTransitions.intentStatusOf(a)).as(a.name()).isNotNull();
        }
    }

    @Test
    void onlyAttemptsWaitingOnTheProcessorAreSynced() {
        assertThat(PaymentTransitions.awaitsProcessor(AttemptStatus.PENDING)).isTrue();
        assertThat(PaymentTransitions.awaitsProcessor(AttemptStatus.CAPTURE_INITIATED)).isTrue();
        assertThat(PaymentTransitions.awaitsProcessor(AttemptStatus.CHARGED)).isFalse();
        assertThat(PaymentTransitions.awaitsProcessor(AttemptStatus.FAILURE)).isFalse();
        assertThat(PaymentTransitions.awaitsProcessor(AttemptStatus.AUTHORIZED)).isFalse();
    }
}
