package co.vaultera.payment;

import co.vaultera.common.Timestamps;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.db.Coalescer;
import co.vaultera.db.CoalescerSettings;
import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final OutcomeRows rows;
    private final PaymentSettings settings;
    private final TransactionTemplate tx;
    private final Coalescer<Outcome, Optional<Applied>> outcomes;

    public PaymentOutcomes(PaymentRepository payments, OutcomeRows rows, PaymentSettings settings,
                           TransactionTemplate tx, CoalescerSettings coalescing) {
        this.payments = payments;
        this.rows = rows;
        this.settings = settings;
        this.tx = tx;
        this.outcomes = coalescing.coalescer(this::applyAll, CoalescerSettings.PAYMENT_STATEMENTS);
    }

    /**
     * Applies the answer to a call the switch made (authorize, capture, void, 3DS completion) if the attempt is still
     * {@code expected}, the status the call set or saw. Concurrent outcomes, of any payments, are written by one
     * transaction ({@link Coalescer}): one round trip that locks the intents and reads the attempts, one that writes
     * them, and the commit.
     *
     * @param result        the processor's definite answer, or {@code null} when the outcome is unknown
     * @param captureAmount the amount a capture asked for, so a processor that reports no amounts still books it
     * @return the intent and attempt as stored afterwards, or empty if the attempt had moved on (or is gone)
     */
    public Optional<Applied> apply(MerchantContext merchant, String paymentId, String attemptId,
                                   AttemptStatus expected, PaymentResult result, long captureAmount) {
        return outcomes.call(new Outcome(merchant, paymentId, attemptId, expected, null, result, captureAmount,
                false));
    }

    /**
     * Applies what a sync found at the processor if the attempt is exactly as it was when the sync read it: same
     * status and not written since. A status alone is not enough here: a capture of {@code manual_multiple} leaves
     * the attempt in the status it found, so a sync that read the processor before that capture landed would
     * otherwise write the smaller captured amount back.
     *
     * @param seen      the attempt as read before asking the processor
     * @param scheduled whether the sync job asked, which counts toward its schedule (a merchant's force_sync
     *                  does not use up the job's looks)
     */
    public Optional<Applied> applySync(MerchantContext merchant, PaymentAttempt seen, PaymentResult result,
                                       long captureAmount, boolean scheduled) {
        return outcomes.call(new Outcome(merchant, seen.paymentId(), seen.attemptId(), seen.status(),
                seen.modifiedAt(), result, captureAmount, scheduled));
    }

    /**
     * One call of {@link #apply} or {@link #applySync}; {@code seenModifiedAt}, when set, must still be the
     * attempt's.
     */
    record Outcome(MerchantContext merchant, String paymentId, String attemptId, AttemptStatus expected,
                   Instant seenModifiedAt, PaymentResult result, long captureAmount, boolean countsAsSync) {

        OutcomeRows.Ref payment() {
            return new OutcomeRows.Ref(merchant.dataKey(), paymentId);
        }

        OutcomeRows.Ref attempt() {
            return new OutcomeRows.Ref(merchant.dataKey(), attemptId);
        }
    }

    /**
     * The outcomes in one transaction, under their payments' row locks, in the order given: two outcomes of one
     * payment apply one after the other, the second seeing what the first wrote.
     */
    List<Optional<Applied>> applyAll(List<Outcome> batch) {
        return tx.execute(status -> {
            OutcomeRows.Found found = rows.lockAndFind(batch.stream().map(Outcome::payment).toList(),
                    batch.stream().map(Outcome::attempt).toList());
            Map<String, PaymentIntent> intents = found.intents();
            Map<String, PaymentAttempt> attempts = found.attempts();
            List<OutcomeRows.Write> writes = new ArrayList<>(batch.size());
            List<Optional<Applied>> answers = new ArrayList<>(batch.size());
            for (Outcome o : batch) {
                String merchantId = o.merchant().merchantId();
                PaymentIntent intent = intents.get(o.payment().name());
                PaymentAttempt before = attempts.get(o.attempt().name());
                if (intent == null || before == null || before.status() != o.expected()
                        || (o.seenModifiedAt() != null && !o.seenModifiedAt().equals(before.modifiedAt()))) {
                    answers.add(Optional.empty());
                    continue;
                }
                PaymentAttempt settled = o.result() == null ? before : settle(before, o.result(), o.captureAmount());
                PaymentAttempt after = o.countsAsSync() ? counted(settled) : settled;
                attempts.put(o.attempt().name(), after);
                if (before.status() == AttemptStatus.CAPTURE_INITIATED && after.status() != before.status()) {
                    // The capture is settled, by its own answer or by a sync: so are its capture rows. An answer with
                    // an error is a refused capture, even when the processor shows more captured than we knew (by
                    // others, PaymentLifecycle.reconciled).
                    boolean captured = after.amountCaptured() > before.amountCaptured() && after.errorCode() == null;
                    payments.finishCaptures(merchantId, o.attemptId(), captured ? "charged" : "failed",
                            captured ? null : after.errorCode(), captured ? null : after.errorMessage());
                }
                PaymentIntent updated = withAttempt(intent, after);
                boolean active = o.attemptId().equals(intent.activeAttemptId());
                writes.add(new OutcomeRows.Write(merchantId, after, o.expected(), nextSync(after, o.result() == null),
                        active ? updated : null, active ? intent.status() : null));
                if (active) {
                    intents.put(o.payment().name(), updated);
                }
                answers.add(Optional.of(new Applied(updated, after)));
            }
            rows.write(writes);
            return answers;
        });
    }

    /** The intent and its active attempt after a write. */
    public record Applied(PaymentIntent intent, PaymentAttempt attempt) {
    }

    static PaymentIntent withAttempt(PaymentIntent p, PaymentAttempt a) {
        return new PaymentIntent(p.paymentId(), PaymentTransitions.intentStatusOf(a.status()), p.amount(),
                p.currency(), a.amountCaptured(), p.amountToCapture(), p.captureMethod(), p.authenticationType(),
                p.customerId(), p.description(), p.returnUrl(), p.metadata(), p.setupFutureUsage(), p.clientSecret(),
                p.activeAttemptId(), p.attemptCount(), p.profileId(), p.connectorPreference(), p.email(), p.name(),
                p.phone(), p.phoneCountryCode(), p.billing(), p.shipping(), p.statementDescriptorName(),
                p.statementDescriptorSuffix(), p.merchantOrderReferenceId(), p.paymentMethod(),
                p.paymentMethodType(), p.card(), p.cancellationReason(), p.createdAt(), a.modifiedAt(),
                p.sessionExpiry(), p.orderDetails());
    }

    /**
     * When the sync job should next ask the processor: {@code null} if the attempt needs nobody to ask, parked
     * until the next start once its scheduled syncs are used up.
     */
    private Instant nextSync(PaymentAttempt a, boolean outcomeUnknown) {
        if (!PaymentTransitions.awaitsProcessor(a.status())) {
            return null;
        }
        return settings.nextSync(a.syncCount(), a.syncCount() == 0 && outcomeUnknown);
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
        AttemptStatus status = r.status();
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
            // The processor refused to move the money: what it captured and still holds is as it was (as in
            // Hyperswitch), which is also why such a payment allows no new attempt. If earlier captures took
            // money, the payment stays partly captured: "failed" would hide that money and refuse its refunds.
            case CAPTURE_FAILED, VOID_FAILED -> {
                if (captured > 0) {
                    status = capturable > 0 ? AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE
                            : AttemptStatus.PARTIAL_CHARGED;
                }
            }
            default -> {
            }
        }
        String txn = r.connectorTransactionId() != null ? r.connectorTransactionId() : a.connectorTransactionId();
        String redirect = r.redirect() != null ? r.redirect().url()
                : r.status() == AttemptStatus.AUTHENTICATION_PENDING ? a.redirectUrl() : null;
        return new PaymentAttempt(a.attemptId(), a.paymentId(), status, a.connector(), a.merchantConnectorId(),
                a.amount(), a.currency(), a.captureMethod(), a.authenticationType(), capturable, captured, txn,
                redirect, r.errorCode(), r.errorMessage(),
                r.networkTransactionId() != null ? r.networkTransactionId() : a.networkTransactionId(),
                a.paymentMethod(), a.paymentMethodType(), a.syncCount(), a.createdAt(), Timestamps.now());
    }

    private static long orElse(Long value, long fallback) {
        return value != null ? value : fallback;
    }

    /** The intent and its active attempt as stored now. */
    public Applied current(MerchantContext m, String paymentId) {
        PaymentIntent intent = payments.findIntent(m.dataKey(), paymentId).orElseThrow(PaymentLifecycle::notFound);
        PaymentAttempt attempt = intent.activeAttemptId() == null ? null
                : payments.findAttempt(m.merchantId(), intent.activeAttemptId()).orElse(null);
        return new Applied(intent, attempt);
    }
}
