package co.vaultera.payment;

import static co.vaultera.payment.IntentStatus.*;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.connector.spi.AttemptStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one table of the payment state machine: which operation is allowed from which intent status, and which
 * intent status each attempt status means (reference payments.md §2.3 and §3). Nothing else decides this.
 */
public final class PaymentTransitions {

    private static final Map<PaymentOperation, Set<IntentStatus>> ALLOWED = new EnumMap<>(PaymentOperation.class);

    static {
        ALLOWED.put(PaymentOperation.UPDATE, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION));
        // From failed: a manual retry, with a new attempt.
        ALLOWED.put(PaymentOperation.CONFIRM, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, FAILED));
        // The reference also allows a manual_multiple capture from processing. Refused here: processing means an
        // authorize or another capture whose outcome is not known yet, and the capturable amount is only reduced
        // when a capture settles, so a second capture in flight could ask for money already being captured (and
        // settle the first one's capture row with its own answer). The merchant captures again once it settles.
        ALLOWED.put(PaymentOperation.CAPTURE, EnumSet.of(REQUIRES_CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE,
                PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE));
        // The reference allows cancel from every status but failed, succeeded, cancelled, processing,
        // requires_merchant_action and review. Four more stay refused, because a cancel there would misstate money:
        // - partially_captured, cancelled_post_capture: money was captured; "cancelled" would say none moved and
        //   would end refunds of it (cancel_post_capture is the operation for a captured payment);
        // - partially_captured_and_processing: a capture is in flight, its answer would be dropped;
        // - conflicted: the processor reports another amount or currency; what it holds is not known.
        ALLOWED.put(PaymentOperation.CANCEL, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION,
                REQUIRES_CUSTOMER_ACTION, REQUIRES_CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE,
                PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE, IntentStatus.EXPIRED));
        ALLOWED.put(PaymentOperation.SYNC, EnumSet.of(PROCESSING, REQUIRES_CUSTOMER_ACTION, REQUIRES_MERCHANT_ACTION,
                REQUIRES_CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE));
        ALLOWED.put(PaymentOperation.COMPLETE_AUTHORIZE, EnumSet.of(REQUIRES_CUSTOMER_ACTION));
    }

    private PaymentTransitions() {
    }

    public static boolean allowed(IntentStatus from, PaymentOperation operation) {
        return ALLOWED.get(operation).contains(from);
    }

    /** Throws the reference's IR_14 unless {@code operation} is allowed from {@code from}. */
    public static void require(IntentStatus from, PaymentOperation operation) {
        if (!allowed(from, operation)) {
            throw wrongState(operation, "status", from.wireName(), ALLOWED.get(operation).stream()
                    .map(IntentStatus::wireName).collect(Collectors.joining(", ")));
        }
    }

    public static ApiException wrongState(PaymentOperation operation, String field, String value, String expected) {
        return new ApiException(ErrorCode.IR_14, "This Payment could not be " + operation.pastTense()
                + " because it has a " + field + " of " + value + ". The expected state is " + expected);
    }

    /** The intent status an attempt status means. */
    public static IntentStatus intentStatusOf(AttemptStatus attempt) {
        return switch (attempt) {
            case CHARGED, AUTO_REFUNDED -> SUCCEEDED;
            case AUTHORIZED -> REQUIRES_CAPTURE;
            case PARTIALLY_AUTHORIZED -> PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE;
            case PARTIAL_CHARGED -> PARTIALLY_CAPTURED;
            case PARTIAL_CHARGED_AND_CHARGEABLE -> PARTIALLY_CAPTURED_AND_CAPTURABLE;
            case CONFIRMATION_AWAITED -> REQUIRES_CONFIRMATION;
            case PAYMENT_METHOD_AWAITED -> REQUIRES_PAYMENT_METHOD;
            case AUTHENTICATION_PENDING, DEVICE_DATA_COLLECTION_PENDING -> REQUIRES_CUSTOMER_ACTION;
            case UNRESOLVED -> REQUIRES_MERCHANT_ACTION;
            case STARTED, PENDING, AUTHENTICATION_SUCCESSFUL, AUTHORIZING, COD_INITIATED, VOID_INITIATED,
                 CAPTURE_INITIATED -> PROCESSING;
            case AUTHENTICATION_FAILED, AUTHORIZATION_FAILED, ROUTER_DECLINED, FAILURE, CAPTURE_FAILED,
                 VOID_FAILED -> FAILED;
            case VOIDED -> CANCELLED;
            case VOIDED_POST_CHARGE -> CANCELLED_POST_CAPTURE;
            case INTEGRITY_FAILURE -> CONFLICTED;
            case CAPTURE_REVIEW -> REVIEW;
            case EXPIRED -> IntentStatus.EXPIRED;
        };
    }

    /**
     * The response's {@code manual_retry_allowed}: for a failed payment, whether a confirm may make a new attempt;
     * {@code null} while the payment still waits for the merchant or the shopper; {@code false} otherwise (it
     * succeeded, was cancelled, waits for capture or for its processor, or ended another way).
     *
     * @param attempt  the active attempt, or {@code null} if the payment has none
     * @param captured the payment's captured amount: after money moved, no new attempt (a processor may report an
     *                 attempt failed after part of it was captured; a new attempt would overwrite what was
     *                 captured and leave its refunds counted against it)
     */
    public static Boolean manualRetryAllowed(IntentStatus intent, AttemptStatus attempt, long captured) {
        return switch (intent) {
            case FAILED -> captured == 0 && (attempt == null || manualRetryAllowed(attempt));
            case REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_CUSTOMER_ACTION,
                 REQUIRES_MERCHANT_ACTION -> null;
            default -> false;
        };
    }

    /**
     * Whether a failed payment whose active attempt ended in this status may be confirmed again (a new attempt).
     * Not after a refused capture or void: the authorization may still be held at the processor, and a new one
     * would hold the shopper's money twice. Nor after the switch itself declined it ({@code router_declined}), as
     * in the reference.
     */
    public static boolean manualRetryAllowed(AttemptStatus attempt) {
        return switch (attempt) {
            case CAPTURE_FAILED, VOID_FAILED, ROUTER_DECLINED -> false;
            default -> intentStatusOf(attempt) == FAILED;
        };
    }

    /**
     * Whether an attempt in this status waits on the processor, so the sync job must keep asking. A shopper who
     * never finishes 3DS leaves the attempt {@code authentication_pending}; sync notices when the processor
     * gives up on it.
     */
    public static boolean awaitsProcessor(AttemptStatus attempt) {
        return switch (attempt) {
            case STARTED, PENDING, AUTHORIZING, AUTHENTICATION_PENDING, AUTHENTICATION_SUCCESSFUL,
                 DEVICE_DATA_COLLECTION_PENDING, CAPTURE_INITIATED, VOID_INITIATED, COD_INITIATED -> true;
            default -> false;
        };
    }
}
