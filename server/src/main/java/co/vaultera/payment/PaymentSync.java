package co.vaultera.payment;

import static co.vaultera.payment.PaymentProcessors.reference;

import co.vaultera.common.ApiException;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.CompleteAuthorizeRequest;
import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.connectoraccount.ConnectorAccountService;
import co.vaultera.connectoraccount.ConnectorAccountService.RoutableAccount;
import co.vaultera.payment.PaymentOutcomes.Applied;
import co.vaultera.web.auth.MerchantContext;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The flows that ask the processor what became of an attempt instead of changing it: {@code force_sync}, the sync
 * job's looks, and the shopper's return from a 3DS challenge. None holds a transaction while asking; the answer is
 * written by {@link PaymentOutcomes} only if it is news and the attempt is still as it was read.
 */
@Service
public class PaymentSync {

    private final PaymentRepository payments;
    private final PaymentOutcomes outcomes;
    private final ConnectorAccountService accounts;
    private final PaymentProcessors processors;
    private final PaymentSettings settings;

    public PaymentSync(PaymentRepository payments, PaymentOutcomes outcomes, ConnectorAccountService accounts,
                       PaymentProcessors processors, PaymentSettings settings) {
        this.payments = payments;
        this.outcomes = outcomes;
        this.accounts = accounts;
        this.processors = processors;
        this.settings = settings;
    }

    /** Asks the processor about the active attempt ({@code force_sync}), if the status allows it. */
    public Applied sync(MerchantContext m, String paymentId) {
        PaymentIntent intent = payments.findIntent(m.dataKey(), paymentId).orElseThrow(PaymentLifecycle::notFound);
        if (!PaymentTransitions.allowed(intent.status(), PaymentOperation.SYNC) || intent.activeAttemptId() == null) {
            return outcomes.current(m, paymentId);
        }
        return sync(m, payments.findAttempt(m.merchantId(), intent.activeAttemptId())
                .orElseThrow(PaymentLifecycle::notFound), false);
    }

    /**
     * The sync job's look at an attempt it claimed. Skipped if the attempt was written since the claim (the job
     * works through its claims one by one): a capture or void may have started meanwhile, whose call must end
     * before anyone takes the processor's view for its outcome; that write scheduled its own look.
     */
    public void syncDue(MerchantContext m, PaymentRepository.DueAttempt due) {
        payments.findAttempt(m.merchantId(), due.attemptId())
                .filter(a -> a.modifiedAt().equals(due.modifiedAt()))
                .ifPresent(a -> sync(m, a, true));
    }

    /**
     * Asks the processor about one attempt and records the answer.
     *
     * @param scheduled whether the sync job asks (its looks are counted and end; a merchant's force_sync is
     *                  answered without using them up)
     */
    private Applied sync(MerchantContext m, PaymentAttempt a, boolean scheduled) {
        String paymentId = a.paymentId();
        PaymentResult result;
        try {
            result = processors.view(m, accounts.forSettling(m, a.merchantConnectorId()), a);
        } catch (ApiException accountUnusable) {
            // Nobody can ask that processor from here: its connector is not part of this server (or its account was
            // removed by an earlier version, which did not keep deleted ones). The outcome stays unknown (a payment
            // is never failed for want of an answer) and the job's looks run out and park the attempt, instead of
            // failing every lease; a start resumes parked looks.
            result = null;
        } catch (ConnectorException e) {
            result = null;
            boolean lastLook = scheduled && a.syncCount() + 1 >= settings.maxSyncs();
            if (e.error() == ConnectorError.NOT_FOUND && a.connectorTransactionId() == null && lastLook
                    && a.status() == AttemptStatus.PENDING) {
                // The processor never recorded this authorization, and it is too late for it to arrive.
                result = PaymentResult.of(AttemptStatus.FAILURE, null).withError("not_found_at_processor",
                        "The processor has no record of this payment");
            }
        }
        if (!scheduled && !SyncRules.newsFor(a, result)) {
            // A merchant's look that learned nothing changes nothing, not even when the job looks next.
            return outcomes.current(m, paymentId);
        }
        return outcomes.applySync(m, a, result, pendingCaptureAmount(m, a), scheduled)
                .orElseGet(() -> outcomes.current(m, paymentId));
    }

    /** The shopper came back from the processor's redirect step: let the processor finish the authorization. */
    public Applied completeAuthorize(MerchantContext m, String paymentId, Map<String, String> returnParameters) {
        PaymentIntent intent = payments.findIntent(m.dataKey(), paymentId).orElseThrow(PaymentLifecycle::notFound);
        if (!PaymentTransitions.allowed(intent.status(), PaymentOperation.COMPLETE_AUTHORIZE)) {
            return outcomes.current(m, paymentId);
        }
        PaymentAttempt a = payments.findAttempt(m.merchantId(), intent.activeAttemptId()).orElseThrow();
        RoutableAccount account;
        try {
            account = accounts.forSettling(m, a.merchantConnectorId());
        } catch (ApiException accountUnusable) {
            // Its connector is not part of this server (or an earlier version removed its account): nobody can
            // finish it from here. The shopper
            // still goes back to the merchant, with the payment as it is.
            return outcomes.current(m, paymentId);
        }
        PaymentResult result;
        try {
            result = processors.connector(account).completeAuthorize(new CompleteAuthorizeRequest(account.account(),
                    paymentId, reference(m, a.attemptId()), a.connectorTransactionId(), a.amount(), a.currency(),
                    PaymentLifecycle.captureMethod(a.captureMethod()), returnParameters));
        } catch (ConnectorException e) {
            if (e.error() != ConnectorError.DECLINED) {
                // Anyone can open the return URL: a return the processor does not accept (another attempt's, a
                // forged one) or cannot answer says nothing about this attempt. It stays as it is, and its
                // scheduled syncs ask the processor; only a decline is an answer about the payment.
                return outcomes.current(m, paymentId);
            }
            result = PaymentResult.of(AttemptStatus.FAILURE, null).withError(e.code(), e.getMessage());
        }
        if (!SyncRules.newsFor(a, result)) {
            // The shopper came back before finishing (or again): nothing to write, the job's schedule stands.
            return outcomes.current(m, paymentId);
        }
        return outcomes.apply(m, paymentId, a.attemptId(), a.status(), result, 0)
                .orElseGet(() -> outcomes.current(m, paymentId));
    }

    private long pendingCaptureAmount(MerchantContext m, PaymentAttempt a) {
        if (a.status() != AttemptStatus.CAPTURE_INITIATED) {
            return 0;
        }
        return payments.capturesOf(m.merchantId(), a.paymentId()).stream()
                .filter(c -> c.attemptId().equals(a.attemptId()) && "pending".equals(c.status()))
                .mapToLong(PaymentCapture::amount).sum();
    }
}
