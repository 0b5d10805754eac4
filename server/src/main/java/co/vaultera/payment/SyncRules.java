package co.vaultera.payment;

import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.PaymentResult;

/** How the processor's view of a payment, from a sync, is weighed against the attempt as stored. */
final class SyncRules {

    private SyncRules() {
    }

    /**
     * Whether a sync's answer tells something the attempt does not say yet. For a capture or void on its way,
     * only its effect counts: the processor still showing the authorization may mean the call has not reached
     * it yet, and recording that would drop the call's own answer when it comes. The sync job looks only once
     * such a call has ended ({@link PaymentSettings#firstSyncForCallStartingNow}).
     */
    static boolean newsFor(PaymentAttempt a, PaymentResult r) {
        if (r == null) {
            return false;
        }
        boolean moreCaptured = r.amountCaptured() != null && r.amountCaptured() > a.amountCaptured();
        boolean stillHeld = switch (r.status()) {
            case AUTHORIZED, PARTIALLY_AUTHORIZED, PARTIAL_CHARGED_AND_CHARGEABLE -> !moreCaptured;
            case AUTHENTICATION_PENDING -> true;
            default -> false;
        };
        if (a.status() == AttemptStatus.CAPTURE_INITIATED || a.status() == AttemptStatus.VOID_INITIATED) {
            return !stillHeld;
        }
        return r.status() != a.status() || moreCaptured
                || (r.amountCapturable() != null && r.amountCapturable() != a.amountCapturable());
    }

    /**
     * The refusal while the processor reports the attempt as it was (status, and amounts where it gives them),
     * else its report with the refusal's reason, unless the report gives a reason of its own: a payment the
     * processor failed meanwhile (a 3DS challenge that expired, say) failed for that reason, not for the refusal.
     * A payment waiting for its shopper is the exception: a refused void leaves the challenge open at the processor,
     * so it keeps waiting (and being synced) rather than failing.
     */
    static PaymentResult reconcile(PaymentAttempt before, PaymentResult refusal, PaymentResult processorNow) {
        boolean unchanged = processorNow.status() == before.status()
                && (processorNow.amountCaptured() == null || processorNow.amountCaptured() == before.amountCaptured())
                && (processorNow.amountCapturable() == null
                    || processorNow.amountCapturable() == before.amountCapturable());
        if (unchanged && before.status() != AttemptStatus.AUTHENTICATION_PENDING) {
            return refusal;
        }
        if (processorNow.errorCode() != null) {
            return processorNow;
        }
        return processorNow.withError(refusal.errorCode(), refusal.errorMessage());
    }

    /**
     * What a refused capture or void records when the processor cannot be asked about it: the refusal, except for
     * a payment waiting for its shopper, which keeps waiting (see {@link #reconcile}).
     */
    static PaymentResult refusalUnchecked(PaymentAttempt before, PaymentResult refusal) {
        if (before.status() != AttemptStatus.AUTHENTICATION_PENDING) {
            return refusal;
        }
        return PaymentResult.of(AttemptStatus.AUTHENTICATION_PENDING, before.connectorTransactionId())
                .withError(refusal.errorCode(), refusal.errorMessage());
    }
}
