package co.vaultera.payment;

import co.vaultera.common.Timestamps;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a processor answered (transaction 2 of every flow): under the payment's row lock, and only if the
 * attempt is still in the status the caller saw before calling out, so a late or duplicate answer changes
 * nothing. The intent's status is recomputed from the attempt's, never set on its own.
 */
@Component
public class PaymentOutcomes {

    private final PaymentRepository payments;
    private final PaymentSettings settings;
    private final TransactionTemplate tx;

    public PaymentOutcomes(PaymentRepository payments, PaymentSettings settings, TransactionTemplate tx) {
        this.payments = payments;
        this.settings = settings;
        this.tx = tx;
    }

    /**
     * Applies {@code result} to the attempt if it is still {@code expected}.
     *
     * @param result        the processor's definite answer, or {@code null} when the outcome is unknown
     * @param captureAmount the amount a capture asked for, so a processor that reports no amounts still books it
     * @param bySync        whether this answer came from a sync, which counts toward the sync schedule
     * @return the intent and attempt as stored afterwards, or empty if the attempt had moved on
     */
    public Optional<Applied> apply(MerchantContext merchant, String paymentId, String attemptId,
                                   AttemptStatus expected, PaymentResult result, long captureAmount,
                                   boolean bySync) {
        return tx.execute(status -> {
            PaymentIntent intent = payments.lockIntent(merchant.dataKey(), paymentId).orElseThrow();
            PaymentAttempt before = payments.findAttempt(merchant.merchantId(), attemptId).orElseThrow();
            if (before.status() != expected) {
                return Optional.<Applied>empty();
            }
            PaymentAttempt settled = result == null ? before : settle(before, result, captureAmount);
            PaymentAttempt after = bySync ? counted(settled) : settled;
            Instant nextSync = nextSync(after, result == null);
            payments.updateAttempt(merchant.merchantId(), after, expected, nextSync);
            if (before.status() == AttemptStatus.CAPTURE_INITIATED && after.status() != before.status()) {
                // The capture is settled, by its own answer or by a sync: so are its capture rows.
                boolean captured = after.amountCaptured() > before.amountCaptured();
                payments.finishCaptures(merchant.merchantId(), attemptId, captured ? "charged" : "failed",
                        captured ? null : after.errorCode(), captured ? null : after.errorMessage());
            }
            PaymentIntent updated = withAttempt(intent, after);
            if (attemptId.equals(intent.activeAttemptId())) {
                payments.updateIntent(merchant.dataKey(), updated, intent.status());
            }
            return Optional.of(new Applied(updated, after));
        });
    }

    /** The intent and its active attempt after a write. */
    public record Applied(PaymentIntent intent, PaymentAttempt attempt) {
    }

    static PaymentIntent withAttempt(PaymentIntent p, PaymentAttempt a) {
        return new PaymentIntent(p.paymentId(), PaymentTransitions.intentStatusOf(a.status()), p.amount(),
                p.currency(), a.amountCaptured(), p.captureMethod(), p.authenticationType(), p.customerId(),
                p.description(), p.returnUrl(), p.metadata(), p.setupFutureUsage(), p.clientSecret(),
                p.activeAttemptId(), p.attemptCount(), p.profileId(), p.connectorPreference(), p.email(), p.name(),
                p.phone(), p.phoneCountryCode(), p.billing(), p.shipping(), p.statementDescriptorName(),
                p.statementDescriptorSuffix(), p.merchantOrderReferenceId(), p.paymentMethod(),
                p.paymentMethodType(), p.card(), p.cancellationReason(), p.createdAt(), a.modifiedAt());
    }

    /** When the sync job should next ask the processor, or {@code null} if the attempt needs nobody to ask. */
    private Instant nextSync(PaymentAttempt a, boolean outcomeUnknown) {
        if (!PaymentTransitions.awaitsProcessor(a.status())) {
            return null;
        }
        if (a.syncCount() >= settings.maxSyncs()) {
            // Still unknown after the last scheduled look: stays as it is; force_sync can still settle it.
            return null;
        }
        return Instant.now().plus(a.syncCount() == 0 && outcomeUnknown ? settings.firstSyncDelay()
                : settings.syncRetryInterval());
    }

    private static PaymentAttempt counted(PaymentAttempt a) {
        return new PaymentAttempt(a.attemptId(), a.paymentId(), a.status(), a.connector(), a.merchantConnectorId(),
                a.amount(), a.currency(), a.captureMethod(), a.authenticationType(), a.amountCapturable(),
                a.amountCaptured(), a.connectorTransactionId(), a.redirectUrl(), a.errorCode(), a.errorMessage(),
                a.networkTransactionId(), a.paymentMethod(), a.paymentMethodType(), a.syncCount() + 1,
                a.createdAt(), a.modifiedAt());
    }

    /** The attempt as the processor's answer describes it; amounts from the answer when it gives them. */
    static PaymentAttempt settle(PaymentAttempt a, PaymentResult r, long captureAmount) {
        long captured = a.amountCaptured();
        long capturable = a.amountCapturable();
        switch (r.status()) {
            case CHARGED -> {
                captured = orElse(r.amountCaptured(), captureAmount > 0 ? captured + captureAmount : a.amount());
                capturable = orElse(r.amountCapturable(), 0L);
            }
            case PARTIAL_CHARGED -> {
                captured = orElse(r.amountCaptured(), captured + captureAmount);
                capturable = 0;
            }
            case PARTIAL_CHARGED_AND_CHARGEABLE -> {
                captured = orElse(r.amountCaptured(), captured + captureAmount);
                capturable = orElse(r.amountCapturable(), a.amount() - captured);
            }
            case AUTHORIZED, PARTIALLY_AUTHORIZED -> {
                captured = orElse(r.amountCaptured(), captured);
                capturable = orElse(r.amountCapturable(), a.amount() - captured);
            }
            case VOIDED, FAILURE, AUTHORIZATION_FAILED, AUTHENTICATION_FAILED -> capturable = 0;
            default -> {
            }
        }
        String txn = r.connectorTransactionId() != null ? r.connectorTransactionId() : a.connectorTransactionId();
        String redirect = r.redirect() != null ? r.redirect().url()
                : r.status() == AttemptStatus.AUTHENTICATION_PENDING ? a.redirectUrl() : null;
        return new PaymentAttempt(a.attemptId(), a.paymentId(), r.status(), a.connector(), a.merchantConnectorId(),
                a.amount(), a.currency(), a.captureMethod(), a.authenticationType(), capturable, captured, txn,
                redirect, r.errorCode(), r.errorMessage(),
                r.networkTransactionId() != null ? r.networkTransactionId() : a.networkTransactionId(),
                a.paymentMethod(), a.paymentMethodType(), a.syncCount(), a.createdAt(), Timestamps.now());
    }

    private static long orElse(Long value, long fallback) {
        return value != null ? value : fallback;
    }
}
