package co.vaultera.payment;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.Ids;
import co.vaultera.common.Timestamps;
import co.vaultera.connectoraccount.ConnectorAccountService;
import co.vaultera.connectoraccount.ConnectorAccountService.RoutableAccount;
import co.vaultera.customer.CustomerService;
import co.vaultera.idempotency.Idempotency;
import co.vaultera.payment.PaymentOutcomes.Applied;
import co.vaultera.payment.api.PaymentListResponse;
import co.vaultera.payment.api.PaymentRequest;
import co.vaultera.payment.api.PaymentResponse;
import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Payments API: create, update, retrieve and list; the processor flows are {@link PaymentLifecycle}'s and
 * {@link PaymentSync}'s.
 */
@Service
public class PaymentService {

    private final PaymentRepository payments;
    private final PaymentLifecycle lifecycle;
    private final PaymentSync sync;
    private final PaymentOutcomes outcomes;
    private final PaymentViews views;
    private final CustomerService customers;
    private final ConnectorAccountService accounts;
    private final RefundSummaries refunds;
    private final TransactionTemplate tx;

    public PaymentService(PaymentRepository payments, PaymentLifecycle lifecycle, PaymentSync sync,
                          PaymentOutcomes outcomes, PaymentViews views, CustomerService customers,
                          ConnectorAccountService accounts, RefundSummaries refunds, TransactionTemplate tx) {
        this.refunds = refunds;
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.sync = sync;
        this.outcomes = outcomes;
        this.views = views;
        this.customers = customers;
        this.accounts = accounts;
        this.tx = tx;
    }

    /**
     * Creates (and with {@code confirm}, confirms) a payment.
     *
     * @param idSeed with an Idempotency-Key, the characters of the generated id, so a retry after a crash names
     *               the same payment; {@code null} for a random id
     */
    public PaymentResponse create(MerchantContext m, PaymentRequest req, String idSeed) {
        checkReferences(m, req);
        String paymentId = paymentIdFor(req, idSeed);
        Instant now = Timestamps.now();
        PaymentIntent blank = new PaymentIntent(paymentId, IntentStatus.REQUIRES_PAYMENT_METHOD, req.amount(),
                req.currency(), 0, null, "automatic", "no_three_ds", null, null, null, null, null,
                paymentId + "_secret_" + Ids.alphanumeric(20), null, 0,
                accounts.profileOrDefault(m, req.profileId()), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, now, now,
                now.plusSeconds(req.sessionExpiry() != null ? req.sessionExpiry()
                        : PaymentRequest.DEFAULT_SESSION_EXPIRY), null);
        PaymentIntent intent = PaymentChanges.apply(blank, req);
        CaptureRules.checkPreset(intent.amount(), intent.captureMethod(), intent.amountToCapture());
        PaymentIntent created = intent.withStatus(PaymentChanges.beforeConfirm(intent));
        if (Boolean.TRUE.equals(req.confirm())) {
            // Routed before anything is written: a create-and-confirm that cannot be routed leaves nothing behind.
            RoutableAccount account = lifecycle.route(m, created.profileId(), created.connectorPreference());
            Applied confirmed = lifecycle.createConfirmed(m, created, req, account);
            // No captures or refunds to read: a payment this request just created has none yet.
            return views.of(m.merchantId(), confirmed.intent(), confirmed.attempt(), List.of(), List.of(), null);
        }
        if (!payments.insertIntent(m.dataKey(), created, req.card(), null, null)) {
            throw PaymentLifecycle.alreadyExists(created.paymentId());
        }
        return views.of(m.merchantId(), created, null, List.of(), List.of(), null);
    }

    public static String paymentIdFor(PaymentRequest req, String idSeed) {
        if (req.paymentId() != null) {
            return req.paymentId();
        }
        return "pay_" + (idSeed != null ? idSeed : Ids.alphanumeric(20));
    }

    /**
     * A create retried after its first run died: the payment exists. If it was meant to be confirmed and never
     * got that far, confirm it now (the request still has the card); otherwise answer its synced state.
     */
    public PaymentResponse resumeCreate(MerchantContext m, PaymentRequest req, String idSeed, Instant claimedAt) {
        String paymentId = paymentIdFor(req, idSeed);
        PaymentIntent p = payments.findIntent(m.dataKey(), paymentId).orElseThrow(PaymentLifecycle::notFound);
        if (Idempotency.Resume.predatesClaim(req.paymentId(), p.createdAt(), claimedAt)) {
            throw PaymentLifecycle.alreadyExists(paymentId);
        }
        boolean unconfirmed = p.status() == IntentStatus.REQUIRES_PAYMENT_METHOD
                || p.status() == IntentStatus.REQUIRES_CONFIRMATION;
        if (Boolean.TRUE.equals(req.confirm()) && unconfirmed) {
            return view(m, lifecycle.confirm(m, paymentId, req));
        }
        return retrieve(m, paymentId, true);
    }

    /** Changes a payment before it is confirmed; its status follows whether it now has a card. */
    public PaymentResponse update(MerchantContext m, String paymentId, PaymentRequest req) {
        checkReferences(m, req);
        checkClientSecret(m, paymentId, req.clientSecret());
        PaymentIntent updated = tx.execute(status -> {
            PaymentIntent current = payments.lockIntent(m.dataKey(), paymentId).orElseThrow(PaymentLifecycle::notFound);
            PaymentTransitions.require(current.status(), PaymentOperation.UPDATE);
            PaymentIntent changed = PaymentChanges.apply(current, req);
            CaptureRules.checkPreset(changed.amount(), changed.captureMethod(), changed.amountToCapture());
            changed = changed.withStatus(PaymentChanges.beforeConfirm(changed));
            payments.updateIntent(m.dataKey(), changed, current.status());
            if (req.card() != null) {
                payments.storeCard(m.dataKey(), paymentId, req.card());
            }
            return changed;
        });
        return views.of(m.merchantId(), updated, null, List.of(), List.of(), null);
    }

    public PaymentResponse confirm(MerchantContext m, String paymentId, PaymentRequest req) {
        checkReferences(m, req);
        checkClientSecret(m, paymentId, req.clientSecret());
        return view(m, lifecycle.confirm(m, paymentId, req));
    }

    public PaymentResponse capture(MerchantContext m, String paymentId, Long amountToCapture) {
        return view(m, lifecycle.capture(m, paymentId, amountToCapture));
    }

    public PaymentResponse cancel(MerchantContext m, String paymentId, String reason) {
        return view(m, lifecycle.cancel(m, paymentId, reason));
    }

    public PaymentResponse retrieve(MerchantContext m, String paymentId, boolean forceSync) {
        return retrieve(m, paymentId, forceSync, false);
    }

    /** @param expandAttempts whether to list every attempt ({@code expand_attempts=true}) */
    public PaymentResponse retrieve(MerchantContext m, String paymentId, boolean forceSync, boolean expandAttempts) {
        return view(m, forceSync ? sync.sync(m, paymentId) : outcomes.current(m, paymentId), expandAttempts);
    }

    /**
     * A page of the merchant's payments, newest first. {@code startingAfter} / {@code endingBefore} (payment ids, at
     * most one) start the page right after / end it right before that payment, as Stripe's cursors do.
     */
    public PaymentListResponse list(MerchantContext m, String customerId, Instant from, Instant to,
                                    String startingAfter, String endingBefore, int limit, int offset) {
        PaymentRepository.Cursor cursor = null;
        if (startingAfter != null || endingBefore != null) {
            String id = startingAfter != null ? startingAfter : endingBefore;
            PaymentIntent at = payments.findIntent(m.dataKey(), id).orElseThrow(PaymentLifecycle::notFound);
            cursor = new PaymentRepository.Cursor(at.createdAt(), at.paymentId(), startingAfter != null);
        }
        List<PaymentResponse> data = payments.listIntents(m.dataKey(), customerId, from, to, cursor, limit, offset)
                .stream()
                .map(p -> view(m, new Applied(p, p.activeAttemptId() == null ? null
                        : payments.findAttempt(m.merchantId(), p.activeAttemptId()).orElse(null))))
                .toList();
        return new PaymentListResponse(data.size(), data);
    }

    /** What a refund needs of its payment. */
    public record Refundable(String paymentId, IntentStatus status, long amountCaptured, String currency,
                             Instant createdAt, String profileId, PaymentAttempt attempt) {
    }

    /**
     * Locks the payment row in the caller's transaction and answers what a refund needs. Refunds of one payment
     * thereby run one at a time, and with its captures and syncs.
     */
    public Refundable lockForRefund(MerchantContext m, String paymentId) {
        PaymentIntent p = payments.lockIntent(m.dataKey(), paymentId).orElseThrow(PaymentLifecycle::notFound);
        PaymentAttempt a = p.activeAttemptId() == null ? null
                : payments.findAttempt(m.merchantId(), p.activeAttemptId()).orElse(null);
        return new Refundable(p.paymentId(), p.status(), p.amountCaptured(), p.currency(), p.createdAt(),
                p.profileId(), a);
    }

    public PaymentResponse view(MerchantContext m, Applied applied) {
        return view(m, applied, false);
    }

    private PaymentResponse view(MerchantContext m, Applied applied, boolean withAttempts) {
        PaymentIntent p = applied.intent();
        boolean manual = "manual".equals(p.captureMethod()) || "manual_multiple".equals(p.captureMethod());
        List<PaymentCapture> captures = manual ? payments.capturesOf(m.merchantId(), p.paymentId()) : List.of();
        boolean captured = p.amountCaptured() > 0;
        return views.of(m.merchantId(), p, applied.attempt(), captures,
                captured ? refunds.ofPayment(m.merchantId(), p.paymentId()) : List.of(),
                withAttempts ? payments.attemptsOf(m.merchantId(), p.paymentId()) : null);
    }

    private void checkReferences(MerchantContext m, PaymentRequest req) {
        if (req.customerId() != null && !customers.isActive(m, req.customerId())) {
            throw new ApiException(ErrorCode.IR_06, "customer_id `" + req.customerId()
                    + "` does not name a customer of this merchant; create it with POST /customers first");
        }
        if (req.profileId() != null) {
            accounts.profileOrDefault(m, req.profileId());
        }
    }

    /**
     * A client secret, when sent with the secret key to update or confirm, must still be this payment's, and its
     * session not over: a merchant that acts with the shopper's secret acts for the shopper's session.
     */
    private void checkClientSecret(MerchantContext m, String paymentId, String clientSecret) {
        if (clientSecret == null) {
            return;
        }
        PaymentIntent p = lifecycle.find(m, paymentId).orElseThrow(PaymentLifecycle::notFound);
        if (!java.security.MessageDigest.isEqual(p.clientSecret().getBytes(), clientSecret.getBytes())) {
            throw new ApiException(ErrorCode.IR_09,
                    "The client_secret provided does not match the client_secret associated with the Payment");
        }
        if (Timestamps.now().isAfter(p.sessionExpiry())) {
            throw new ApiException(ErrorCode.IR_08, "The provided client_secret has expired");
        }
    }
}
