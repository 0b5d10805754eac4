package co.vaultera.connector.simulator;

import static co.vaultera.connector.simulator.SimulatorPaymentStatus.CANCELLED;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.FAILED;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.PARTIALLY_CAPTURED;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.REQUIRES_ACTION;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.REQUIRES_CAPTURE;
import static co.vaultera.connector.simulator.SimulatorPaymentStatus.SUCCEEDED;

import co.vaultera.connector.spi.CaptureMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One payment's mutable state at the processor. Every transition runs under the payment's own lock, so concurrent
 * captures and refunds on one payment are serialised while different payments never wait for each other.
 *
 * <p>A 3DS challenge the shopper leaves unanswered expires: every look at the payment and every change to it first
 * fails a challenge whose time is up, as a processor gives up on an abandoned authentication. So no timer is needed,
 * and the payment is never seen waiting after its expiry.
 */
final class SimulatorPayment {

    static final String CHALLENGE_EXPIRED = "authentication_expired";

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final String id;
    private final String account;
    private final String reference;
    private final long amount;
    private final String currency;
    private final CaptureMethod captureMethod;
    private final String cardBin;
    private final String cardLast4;
    private final String returnUrl;
    private final Instant created;

    private SimulatorPaymentStatus status;
    private Instant challengeExpiresAt;
    private long capturable;
    private long captured;
    private long refunded;
    private String errorCode;
    private String errorMessage;
    private String networkTransactionId;

    SimulatorPayment(String id, String account, AuthorizeCommand command, Clock clock) {
        this.clock = clock;
        this.id = id;
        this.account = account;
        // Only what a receipt shows is kept: the PAN and CVC leave with the request.
        this.reference = command.reference();
        this.amount = command.amount();
        this.currency = command.currency();
        this.captureMethod = command.captureMethod();
        this.cardBin = command.card().bin();
        this.cardLast4 = command.card().last4();
        this.returnUrl = command.returnUrl();
        this.created = clock.instant();
    }

    String id() {
        return id;
    }

    String account() {
        return account;
    }

    String reference() {
        return reference;
    }

    Instant created() {
        return created;
    }

    /** Approves the authorization: charged at once for automatic capture, held for capture otherwise. */
    PaymentView approve(String networkId) {
        lock.lock();
        try {
            networkTransactionId = networkId;
            if (captureMethod == CaptureMethod.AUTOMATIC) {
                status = SUCCEEDED;
                captured = amount;
            } else {
                status = REQUIRES_CAPTURE;
                capturable = amount;
            }
            return view();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the shopper's answer to a 3DS challenge, for at most {@code expiry} from the payment's creation. */
    PaymentView requireAction(Duration expiry) {
        lock.lock();
        try {
            challengeExpiresAt = created.plus(expiry);
            return set(REQUIRES_ACTION, null, null);
        } finally {
            lock.unlock();
        }
    }

    PaymentView decline(String code, String message) {
        return set(FAILED, code, message);
    }

    /** Applies the shopper's 3DS choice once; later choices leave the first one standing. */
    PaymentView completeChallenge(boolean approved, String networkId) {
        lock.lock();
        try {
            expireChallengeIfDue();
            if (status != REQUIRES_ACTION) {
                return view();
            }
            return approved ? approve(networkId) : decline("authentication_failed", "3DS authentication was rejected");
        } finally {
            lock.unlock();
        }
    }

    PaymentView capture(long amountToCapture) {
        lock.lock();
        try {
            expireChallengeIfDue();
            if (status != REQUIRES_CAPTURE && status != PARTIALLY_CAPTURED) {
                throw notAllowed("captured");
            }
            if (amountToCapture <= 0) {
                throw SimulatorException.invalid("invalid_amount", "amount to capture must be positive");
            }
            if (amountToCapture > capturable) {
                throw SimulatorException.invalid("amount_too_large",
                        "amount to capture " + amountToCapture + " exceeds the capturable amount " + capturable);
            }
            captured += amountToCapture;
            // One capture closes a manual payment (the rest is released); manual_multiple stays open until full.
            capturable = captureMethod == CaptureMethod.MANUAL_MULTIPLE ? capturable - amountToCapture : 0;
            status = capturable == 0 ? SUCCEEDED : PARTIALLY_CAPTURED;
            return view();
        } finally {
            lock.unlock();
        }
    }

    /** Releases what is not captured: a full void before capture, or the remainder after partial captures. */
    PaymentView voidPayment() {
        lock.lock();
        try {
            expireChallengeIfDue();
            switch (status) {
                case REQUIRES_CAPTURE, REQUIRES_ACTION -> status = CANCELLED;
                case PARTIALLY_CAPTURED -> status = SUCCEEDED;
                default -> throw notAllowed("voided");
            }
            capturable = 0;
            return view();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Books a refund if the captured amount still covers it. Returns the refunded total before this refund, or
     * -1 when it does not fit, so the caller can build the refund record outside this class.
     */
    long reserveRefund(long refundAmount) {
        lock.lock();
        try {
            expireChallengeIfDue();
            if (captured == 0) {
                throw SimulatorException.invalid("charge_not_refundable",
                        "Payment " + id + " has no captured amount to refund (status " + status.wireName() + ")");
            }
            if (refundAmount <= 0) {
                throw SimulatorException.invalid("invalid_amount", "refund amount must be positive");
            }
            if (refunded + refundAmount > captured) {
                return -1;
            }
            long before = refunded;
            refunded += refundAmount;
            return before;
        } finally {
            lock.unlock();
        }
    }

    PaymentView view() {
        lock.lock();
        try {
            expireChallengeIfDue();
            String challengePath = status == REQUIRES_ACTION ? "/simulator/3ds/" + id : null;
            return new PaymentView(id, reference, status, amount, currency, captureMethod, capturable, captured,
                    refunded, cardBin, cardLast4, errorCode, errorMessage, networkTransactionId, challengePath,
                    returnUrl, created);
        } finally {
            lock.unlock();
        }
    }

    /** Fails the payment if its challenge is still unanswered at its expiry. Holds the lock. */
    private void expireChallengeIfDue() {
        if (status == REQUIRES_ACTION && !clock.instant().isBefore(challengeExpiresAt)) {
            status = FAILED;
            errorCode = CHALLENGE_EXPIRED;
            errorMessage = "3DS authentication expired: the shopper did not answer the challenge in time";
        }
    }

    private PaymentView set(SimulatorPaymentStatus next, String code, String message) {
        lock.lock();
        try {
            status = next;
            errorCode = code;
            errorMessage = message;
            return view();
        } finally {
            lock.unlock();
        }
    }

    private SimulatorException notAllowed(String verb) {
        return new SimulatorException(409, "payment_unexpected_state",
                "Payment " + id + " cannot be " + verb + " in status " + status.wireName());
    }
}
