package co.vaultera.payment;

import static co.vaultera.payment.IntentStatus.CANCELLED;
import static co.vaultera.payment.IntentStatus.CANCELLED_POST_CAPTURE;
import static co.vaultera.payment.IntentStatus.CONFLICTED;
import static co.vaultera.payment.IntentStatus.FAILED;
import static co.vaultera.payment.IntentStatus.PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE;
import static co.vaultera.payment.IntentStatus.PARTIALLY_CAPTURED;
import static co.vaultera.payment.IntentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE;
import static co.vaultera.payment.IntentStatus.PARTIALLY_CAPTURED_AND_PROCESSING;
import static co.vaultera.payment.IntentStatus.PROCESSING;
import static co.vaultera.payment.IntentStatus.REQUIRES_CAPTURE;
import static co.vaultera.payment.IntentStatus.REQUIRES_CONFIRMATION;
import static co.vaultera.payment.IntentStatus.REQUIRES_CUSTOMER_ACTION;
import static co.vaultera.payment.IntentStatus.REQUIRES_MERCHANT_ACTION;
import static co.vaultera.payment.IntentStatus.REQUIRES_PAYMENT_METHOD;
import static co.vaultera.payment.IntentStatus.REVIEW;
import static co.vaultera.payment.IntentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.connector.spi.AttemptStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Walks the state machine against the reference (payments.md §2.3 and §3), written out here independently of the
 * production tables: every attempt status, and every (intent status, operation) pair.
 */
class PaymentTransitionsTest {

    /** payments.md §2.3, row by row. */
    private static final Map<AttemptStatus, IntentStatus> REFERENCE_MAPPING = new EnumMap<>(AttemptStatus.class);

    static {
        map(IntentStatus.SUCCEEDED, AttemptStatus.CHARGED, AttemptStatus.AUTO_REFUNDED);
        map(IntentStatus.REQUIRES_CAPTURE, AttemptStatus.AUTHORIZED);
        map(IntentStatus.PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE, AttemptStatus.PARTIALLY_AUTHORIZED);
        map(IntentStatus.PARTIALLY_CAPTURED, AttemptStatus.PARTIAL_CHARGED);
        map(IntentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE, AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE);
        map(IntentStatus.REQUIRES_CONFIRMATION, AttemptStatus.CONFIRMATION_AWAITED);
        map(IntentStatus.REQUIRES_PAYMENT_METHOD, AttemptStatus.PAYMENT_METHOD_AWAITED);
        map(IntentStatus.REQUIRES_CUSTOMER_ACTION, AttemptStatus.AUTHENTICATION_PENDING,
                AttemptStatus.DEVICE_DATA_COLLECTION_PENDING);
        map(IntentStatus.REQUIRES_MERCHANT_ACTION, AttemptStatus.UNRESOLVED);
        map(IntentStatus.PROCESSING, AttemptStatus.STARTED, AttemptStatus.PENDING,
                AttemptStatus.AUTHENTICATION_SUCCESSFUL, AttemptStatus.AUTHORIZING, AttemptStatus.COD_INITIATED,
                AttemptStatus.VOID_INITIATED, AttemptStatus.CAPTURE_INITIATED);
        map(IntentStatus.FAILED, AttemptStatus.AUTHENTICATION_FAILED, AttemptStatus.AUTHORIZATION_FAILED,
                AttemptStatus.ROUTER_DECLINED, AttemptStatus.FAILURE, AttemptStatus.CAPTURE_FAILED,
                AttemptStatus.VOID_FAILED);
        map(IntentStatus.CANCELLED, AttemptStatus.VOIDED);
        map(IntentStatus.CANCELLED_POST_CAPTURE, AttemptStatus.VOIDED_POST_CHARGE);
        map(IntentStatus.CONFLICTED, AttemptStatus.INTEGRITY_FAILURE);
        map(IntentStatus.REVIEW, AttemptStatus.CAPTURE_REVIEW);
        map(IntentStatus.EXPIRED, AttemptStatus.EXPIRED);
    }

    private static void map(IntentStatus intent, AttemptStatus... attempts) {
        for (AttemptStatus a : attempts) {
            assertThat(REFERENCE_MAPPING.put(a, intent)).as("%s listed twice", a).isNull();
        }
    }

    /** payments.md §3: from which intent statuses each operation is allowed. */
    private static final Map<PaymentOperation, Set<IntentStatus>> REFERENCE_OPERATIONS = Map.of(
            PaymentOperation.UPDATE, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION),
            PaymentOperation.CONFIRM, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, FAILED),
            // "processing only for manual_multiple"
            PaymentOperation.CAPTURE, EnumSet.of(REQUIRES_CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE,
                    PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE, PROCESSING),
            PaymentOperation.CANCEL, EnumSet.complementOf(EnumSet.of(FAILED, SUCCEEDED, CANCELLED, PROCESSING,
                    REQUIRES_MERCHANT_ACTION, REVIEW)),
            // §2.1: force_sync asks the processor only from these.
            PaymentOperation.SYNC, EnumSet.of(PROCESSING, REQUIRES_CUSTOMER_ACTION, REQUIRES_MERCHANT_ACTION,
                    REQUIRES_CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE),
            // §8: the shopper's return from the redirect step.
            PaymentOperation.COMPLETE_AUTHORIZE, EnumSet.of(REQUIRES_CUSTOMER_ACTION));

    /**
     * Where the switch refuses what the reference allows, because allowing it would misstate money; each is
     * explained in {@link PaymentTransitions}. Nothing else may differ from the reference.
     */
    private static final Map<PaymentOperation, Set<IntentStatus>> REFUSED_FOR_MONEY_SAFETY = Map.of(
            PaymentOperation.CAPTURE, EnumSet.of(PROCESSING),
            PaymentOperation.CANCEL, EnumSet.of(PARTIALLY_CAPTURED, CANCELLED_POST_CAPTURE,
                    PARTIALLY_CAPTURED_AND_PROCESSING, CONFLICTED));

    @Test
    void theReferenceMappingListsEveryAttemptStatusOnce() {
        assertThat(REFERENCE_MAPPING.keySet()).containsExactlyInAnyOrder(AttemptStatus.values());
        assertThat(AttemptStatus.values()).hasSize(29);
    }

    @Test
    void everyAttemptStatusMapsToTheReferenceIntentStatus() {
        for (AttemptStatus a : AttemptStatus.values()) {
            assertThat(PaymentTransitions.intentStatusOf(a)).as(a.wireName()).isEqualTo(REFERENCE_MAPPING.get(a));
        }
    }

    @Test
    void everyStatusAndOperationPairIsEitherAListedTransitionOrRejectedWithIr14() {
        int allowed = 0;
        int rejected = 0;
        for (PaymentOperation op : PaymentOperation.values()) {
            for (IntentStatus status : IntentStatus.values()) {
                boolean expected = REFERENCE_OPERATIONS.get(op).contains(status)
                        && !REFUSED_FOR_MONEY_SAFETY.getOrDefault(op, Set.of()).contains(status);
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
    void theRefusalsBeyondTheReferenceAreOnlyOfWhatTheReferenceAllows() {
        REFUSED_FOR_MONEY_SAFETY.forEach((op, statuses) ->
                assertThat(REFERENCE_OPERATIONS.get(op)).as("%s", op).containsAll(statuses));
    }

    @Test
    void aFailedPaymentMayBeRetriedUnlessItsCaptureOrVoidWasRefusedOrTheRouterDeclinedIt() {
        for (AttemptStatus a : AttemptStatus.values()) {
            boolean expected = REFERENCE_MAPPING.get(a) == FAILED && a != AttemptStatus.CAPTURE_FAILED
                    && a != AttemptStatus.VOID_FAILED && a != AttemptStatus.ROUTER_DECLINED;
            assertThat(PaymentTransitions.manualRetryAllowed(a)).as(a.wireName()).isEqualTo(expected);
        }
    }

    @Test
    void theResponsesManualRetryAllowedIsNullOnlyWhileWaitingForTheMerchantOrShopperAndFalseAfterACapture() {
        Set<IntentStatus> waiting = EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION,
                REQUIRES_CUSTOMER_ACTION, REQUIRES_MERCHANT_ACTION);
        for (IntentStatus intent : IntentStatus.values()) {
            Boolean expected = waiting.contains(intent) ? null : intent == FAILED;
            assertThat(PaymentTransitions.manualRetryAllowed(intent, AttemptStatus.FAILURE, 0)).as(intent.wireName())
                    .isEqualTo(expected);
        }
        assertThat(PaymentTransitions.manualRetryAllowed(FAILED, AttemptStatus.FAILURE, 600)).isFalse();
        assertThat(PaymentTransitions.manualRetryAllowed(FAILED, AttemptStatus.CAPTURE_FAILED, 0)).isFalse();
        assertThat(PaymentTransitions.manualRetryAllowed(FAILED, null, 0)).isTrue();
    }

    @Test
    void onlyAttemptsWaitingOnTheProcessorAreSynced() {
        Set<AttemptStatus> waiting = EnumSet.of(AttemptStatus.STARTED, AttemptStatus.PENDING,
                AttemptStatus.AUTHORIZING, AttemptStatus.AUTHENTICATION_PENDING,
                AttemptStatus.AUTHENTICATION_SUCCESSFUL, AttemptStatus.DEVICE_DATA_COLLECTION_PENDING,
                AttemptStatus.CAPTURE_INITIATED, AttemptStatus.VOID_INITIATED, AttemptStatus.COD_INITIATED);
        for (AttemptStatus a : AttemptStatus.values()) {
            assertThat(PaymentTransitions.awaitsProcessor(a)).as(a.wireName()).isEqualTo(waiting.contains(a));
        }
    }
}
