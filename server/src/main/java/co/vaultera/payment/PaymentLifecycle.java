package co.vaultera.payment;

import static co.vaultera.payment.PaymentProcessors.reference;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.Timestamps;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.AuthenticationType;
import co.vaultera.connector.spi.AuthorizeRequest;
import co.vaultera.connector.spi.CaptureMethod;
import co.vaultera.connector.spi.CaptureRequest;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.PaymentConnector;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.connector.spi.VoidRequest;
import co.vaultera.connectoraccount.ConnectorAccountService;
import co.vaultera.connectoraccount.ConnectorAccountService.RoutableAccount;
import co.vaultera.payment.PaymentOutcomes.Applied;
import co.vaultera.payment.api.PaymentRequest;
import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The flows that change a payment at its processor: confirm, capture and cancel ({@link PaymentSync} asks about
 * one: sync and the 3DS return). Each runs
 * transaction 1 (lock the payment, check the transition, record the intent to call; for a create with confirm, write
 * the new payment already recording it), then the connector call outside any transaction, then transaction 2
 * ({@link PaymentOutcomes}). A timeout or 5xx leaves the attempt waiting for sync: it is never taken for a decline.
 */
@Service
public class PaymentLifecycle {

    private final PaymentRepository payments;
    private final PaymentOutcomes outcomes;
    private final ConnectorAccountService accounts;
    private final PaymentProcessors processors;
    private final PaymentSettings settings;
    private final TransactionTemplate tx;

    public PaymentLifecycle(PaymentRepository payments, PaymentOutcomes outcomes, ConnectorAccountService accounts,
                            PaymentProcessors processors, PaymentSettings settings, TransactionTemplate tx) {
        this.payments = payments;
        this.outcomes = outcomes;
        this.accounts = accounts;
        this.processors = processors;
        this.settings = settings;
        this.tx = tx;
    }

    private record Started(PaymentIntent intent, PaymentAttempt attempt, RoutableAccount account, CardDetails card) {
    }

    /** Confirms the payment: a new attempt at the first eligible processor, authorized with the card. */
    public Applied confirm(MerchantContext m, String paymentId, PaymentRequest body) {
        Started s = tx.execute(status -> {
            PaymentIntent intent = lock(m, paymentId);
            PaymentTransitions.require(intent.status(), PaymentOperation.CONFIRM);
            IntentStatus from = intent.status();
            if (from == IntentStatus.FAILED) {
                requireManualRetryAllowed(intent, activeAttempt(m, intent));
            }
            if (body != null) {
                intent = PaymentChanges.apply(intent, body);
                CaptureRules.checkPreset(intent.amount(), intent.captureMethod(), intent.amountToCapture());
            }
            boolean cardSent = body != null && body.card() != null;
            CardDetails card = cardToCharge(body, cardSent ? body.card()
                    : payments.loadCard(m.dataKey(), paymentId).orElse(null));
            RoutableAccount account = route(m, intent.profileId(), intent.connectorPreference());
            PaymentAttempt attempt = newAttempt(intent, account);
            PaymentIntent started = PaymentChanges.withNewAttempt(intent, attempt.attemptId());
            payments.insertAttempt(m.merchantId(), attempt, settings.firstSyncForCallStartingNow());
            payments.updateIntent(m.dataKey(), started, from);
            if (cardSent) {
                // The vault keeps the card (without its CVC) for a manual retry; one taken from it is there already.
                payments.storeCard(m.dataKey(), paymentId, card);
            }
            return new Started(started, attempt, account, card);
        });
        return authorize(m, s);
    }

    /**
     * A create with {@code confirm=true}: the new intent is written already holding its first attempt and its card,
     * in one statement with that attempt, then authorized as {@link #confirm} does. One statement instead of
     * create's and confirm's transactions, and nothing to read back: a refused create leaves nothing behind.
     *
     * @param account the processor account {@link #route} chose for the new intent
     */
    public Applied createConfirmed(MerchantContext m, PaymentIntent created, PaymentRequest body,
                                   RoutableAccount account) {
        CardDetails card = cardToCharge(body, body.card());
        PaymentAttempt attempt = newAttempt(created, account);
        PaymentIntent started = PaymentChanges.withNewAttempt(created, attempt.attemptId());
        if (!payments.insertIntent(m.dataKey(), started, body.card(), attempt,
                settings.firstSyncForCallStartingNow())) {
            throw alreadyExists(created.paymentId());
        }
        return authorize(m, new Started(started, attempt, account, card));
    }

    /** A failed payment is confirmed again only if its {@code manual_retry_allowed} says so; else why not. */
    private static void requireManualRetryAllowed(PaymentIntent failed, PaymentAttempt last) {
        if (Boolean.TRUE.equals(PaymentTransitions.manualRetryAllowed(failed.status(), last.status(),
                failed.amountCaptured()))) {
            return;
        }
        throw new ApiException(ErrorCode.IR_16, "You cannot confirm this payment again: "
                + (PaymentTransitions.manualRetryAllowed(last.status())
                        ? failed.amountCaptured() + " of it was captured before it failed"
                        : "it failed with its last attempt in status " + last.status().wireName()
                                + ", which allows no new attempt"));
    }

    /** The card a confirm charges: the one sent or stored, with the CVC sent alongside (a stored one has none). */
    private static CardDetails cardToCharge(PaymentRequest body, CardDetails card) {
        if (card == null) {
            throw new ApiException(ErrorCode.IR_04, "Missing required param: payment_method_data");
        }
        if (body != null && body.cardCvc() != null) {
            return new CardDetails(card.number(), card.expiryMonth(), card.expiryYear(), card.holderName(),
                    body.cardCvc());
        }
        return card;
    }

    /**
     * The attempt a confirm records before calling the processor (with a sync already due: if we die mid-call,
     * sync finds the charge).
     */
    private static PaymentAttempt newAttempt(PaymentIntent intent, RoutableAccount account) {
        Instant now = Timestamps.now();
        return new PaymentAttempt(intent.paymentId() + "_" + (intent.attemptCount() + 1), intent.paymentId(),
                AttemptStatus.PENDING, account.connectorName(), account.merchantConnectorId(), intent.amount(),
                intent.currency(), intent.captureMethod(), intent.authenticationType(), 0, 0, null, null, null, null,
                null, intent.paymentMethod(), intent.paymentMethodType(), 0, now, now);
    }

    /** The processor call of a started confirm, outside any transaction, and its outcome recorded. */
    private Applied authorize(MerchantContext m, Started s) {
        PaymentIntent intent = s.intent();
        String paymentId = intent.paymentId();
        PaymentResult result = call(s.account(), AttemptStatus.FAILURE, c -> c.authorize(new AuthorizeRequest(
                s.account().account(), paymentId, reference(m, s.attempt().attemptId()), intent.amount(),
                intent.currency(), captureMethod(intent.captureMethod()),
                authenticationType(intent.authenticationType()), s.card(),
                settings.redirectReturnUrl(paymentId, m.merchantId(), s.account().connectorName()),
                intent.description())));
        return outcomes.apply(m, paymentId, s.attempt().attemptId(), AttemptStatus.PENDING, result, 0)
                .orElseGet(() -> outcomes.current(m, paymentId));
    }

    /**
     * The processor account a confirm goes to: the first of the requested connectors, else of the profile's
     * usable accounts in creation order. No retry on the next one yet (that comes with routing).
     */
    public RoutableAccount route(MerchantContext m, String profileId, List<String> preference) {
        List<RoutableAccount> routable = accounts.routable(m, profileId, preference);
        if (routable.isEmpty()) {
            throw new ApiException(ErrorCode.IR_39,
                    "No eligible connector was found for the current payment method configuration");
        }
        return routable.getFirst();
    }

    /**
     * Captures all or part of what is still capturable. Without a requested amount: the amount_to_capture given
     * before confirming, while nothing is captured yet (it speaks of the payment's one, or first, capture); else
     * everything still capturable, except for manual_multiple, whose every capture names its amount.
     */
    public Applied capture(MerchantContext m, String paymentId, Long requestedAmount) {
        record Capturing(PaymentAttempt attempt, RoutableAccount account, String captureId, long amount) {
        }
        Capturing c = tx.execute(status -> {
            PaymentIntent intent = lock(m, paymentId);
            if (CaptureRules.automatic(intent.captureMethod())) {
                throw PaymentTransitions.wrongState(PaymentOperation.CAPTURE, "capture_method",
                        intent.captureMethod(), "manual, manual_multiple, scheduled");
            }
            PaymentTransitions.require(intent.status(), PaymentOperation.CAPTURE);
            Long requested = requestedAmount != null ? requestedAmount
                    : intent.amountCaptured() == 0 ? intent.amountToCapture() : null;
            if (requested == null && "manual_multiple".equals(intent.captureMethod())) {
                // Reference §3: each of several captures names its amount; "everything left" is never assumed.
                throw new ApiException(ErrorCode.IR_04, "Missing required param: amount_to_capture");
            }
            PaymentAttempt attempt = activeAttempt(m, intent);
            long amount = CaptureRules.amountToCapture(attempt.amountCapturable(), requested);
            // Before anything is recorded: a capture that cannot reach its processor must change nothing.
            RoutableAccount account = accounts.forAttempt(m, attempt.merchantConnectorId());
            String captureId = attempt.attemptId() + "_capture_"
                    + (payments.capturesOf(m.merchantId(), paymentId).size() + 1);
            payments.insertCapture(m.merchantId(), new PaymentCapture(captureId, paymentId, attempt.attemptId(),
                    amount, "pending", null, null, Timestamps.now()));
            PaymentAttempt capturing = withStatus(attempt, AttemptStatus.CAPTURE_INITIATED);
            payments.updateAttempt(m.merchantId(), capturing, attempt.status(),
                    settings.firstSyncForCallStartingNow());
            payments.updateIntent(m.dataKey(), PaymentOutcomes.withAttempt(intent, capturing), intent.status());
            return new Capturing(attempt, account, captureId, amount);
        });
        PaymentAttempt a = c.attempt();
        RoutableAccount account = c.account();
        PaymentResult result = reconciled(m, account, a, AttemptStatus.CAPTURE_FAILED, call(account,
                AttemptStatus.CAPTURE_FAILED, conn -> conn.capture(new CaptureRequest(account.account(), paymentId,
                        reference(m, a.attemptId()), reference(m, c.captureId()), a.connectorTransactionId(),
                        c.amount(), a.amount(), a.currency(), captureMethod(a.captureMethod())))));
        return outcomes.apply(m, paymentId, a.attemptId(), AttemptStatus.CAPTURE_INITIATED, result, c.amount())
                .orElseGet(() -> outcomes.current(m, paymentId));
    }

    /** Cancels the payment; releases the authorization at the processor when there is one. */
    public Applied cancel(MerchantContext m, String paymentId, String reason) {
        record Voiding(PaymentAttempt attempt, RoutableAccount account) {
        }
        Voiding v = tx.execute(status -> {
            PaymentIntent intent = lock(m, paymentId);
            PaymentTransitions.require(intent.status(), PaymentOperation.CANCEL);
            PaymentAttempt attempt = intent.activeAttemptId() == null ? null : activeAttempt(m, intent);
            // Something is held at the processor: an authorization, or a 3DS payment the shopper could still
            // complete (a pre-auth void closes it).
            boolean heldAtProcessor = intent.status() == IntentStatus.REQUIRES_CAPTURE
                    || intent.status() == IntentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE
                    || intent.status() == IntentStatus.PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE
                    || (intent.status() == IntentStatus.REQUIRES_CUSTOMER_ACTION && attempt != null
                        && attempt.connectorTransactionId() != null);
            if (!heldAtProcessor) {
                // Nothing is held at a processor: cancelling is ours alone.
                if (attempt != null) {
                    payments.updateAttempt(m.merchantId(), withStatus(attempt, AttemptStatus.VOIDED),
                            attempt.status(), null);
                }
                payments.updateIntent(m.dataKey(),
                        PaymentChanges.withCancellation(intent, IntentStatus.CANCELLED, reason), intent.status());
                return new Voiding(null, null);
            }
            // Before anything is recorded: a void that cannot reach its processor must change nothing.
            RoutableAccount account = accounts.forAttempt(m, attempt.merchantConnectorId());
            PaymentAttempt voiding = withStatus(attempt, AttemptStatus.VOID_INITIATED);
            payments.updateAttempt(m.merchantId(), voiding, attempt.status(),
                    settings.firstSyncForCallStartingNow());
            payments.updateIntent(m.dataKey(), PaymentChanges.withCancellation(
                    PaymentOutcomes.withAttempt(intent, voiding), IntentStatus.PROCESSING, reason), intent.status());
            return new Voiding(attempt, account);
        });
        if (v.attempt() == null) {
            return outcomes.current(m, paymentId);
        }
        PaymentAttempt a = v.attempt();
        RoutableAccount account = v.account();
        PaymentResult result = reconciled(m, account, a, AttemptStatus.VOID_FAILED, call(account,
                AttemptStatus.VOID_FAILED, conn -> conn.voidPayment(new VoidRequest(account.account(), paymentId,
                        reference(m, a.attemptId()), a.connectorTransactionId(), reason))));
        return outcomes.apply(m, paymentId, a.attemptId(), AttemptStatus.VOID_INITIATED, result, 0)
                .orElseGet(() -> outcomes.current(m, paymentId));
    }

    /**
     * A refused capture or void says the processor did not do it, not what the payment is now: the shopper may
     * have completed 3DS since the attempt was written, or an earlier capture may have landed late. So the refusal
     * stands only while the processor still reports the status and amounts the attempt had before the call;
     * otherwise what it reports is recorded, with the refusal's reason. If it cannot be asked (often for the same
     * reason it refused, e.g. rotated credentials), the refusal stands: it is a definite answer about this call.
     * A payment waiting for its shopper keeps waiting in both cases ({@link SyncRules#reconcile}).
     *
     * @param before  the attempt as it was before the capture or void was recorded
     * @param refused the status a refusal of this call records
     * @param answer  what {@link #call} made of the processor's answer
     */
    private PaymentResult reconciled(MerchantContext m, RoutableAccount account, PaymentAttempt before,
                                     AttemptStatus refused, PaymentResult answer) {
        if (answer == null || answer.status() != refused) {
            return answer;
        }
        try {
            return SyncRules.reconcile(before, answer, processors.view(m, account, before));
        } catch (ConnectorException e) {
            return SyncRules.refusalUnchecked(before, answer);
        }
    }

    /**
     * Calls the processor. A definite refusal becomes a result in the flow's {@code refused} status (a refused
     * capture is {@code capture_failed}, not a declined payment); an unknown outcome becomes {@code null}, which
     * leaves the attempt waiting for sync.
     */
    private PaymentResult call(RoutableAccount account, AttemptStatus refused,
                               Function<PaymentConnector, PaymentResult> flow) {
        try {
            return flow.apply(processors.connector(account));
        } catch (ConnectorException e) {
            if (e.error() == ConnectorError.UNKNOWN_OUTCOME) {
                return null;
            }
            return PaymentResult.of(refused, null).withError(e.code(), e.getMessage());
        }
    }

    private PaymentIntent lock(MerchantContext m, String paymentId) {
        return payments.lockIntent(m.dataKey(), paymentId).orElseThrow(PaymentLifecycle::notFound);
    }

    private PaymentAttempt activeAttempt(MerchantContext m, PaymentIntent intent) {
        return payments.findAttempt(m.merchantId(), intent.activeAttemptId()).orElseThrow();
    }

    static ApiException notFound() {
        return ApiException.notFound("Payment");
    }

    static ApiException alreadyExists(String paymentId) {
        return new ApiException(ErrorCode.HE_01,
                "The payment with the specified payment_id already exists in our records")
                .withReason(paymentId + " already exists");
    }

    /** The attempt in {@code status}; a status that starts a processor call gets a fresh set of sync looks. */
    private static PaymentAttempt withStatus(PaymentAttempt a, AttemptStatus status) {
        return new PaymentAttempt(a.attemptId(), a.paymentId(), status, a.connector(), a.merchantConnectorId(),
                a.amount(), a.currency(), a.captureMethod(), a.authenticationType(),
                status == AttemptStatus.VOIDED ? 0 : a.amountCapturable(), a.amountCaptured(),
                a.connectorTransactionId(), a.redirectUrl(), a.errorCode(), a.errorMessage(),
                a.networkTransactionId(), a.paymentMethod(), a.paymentMethodType(),
                PaymentTransitions.awaitsProcessor(status) ? 0 : a.syncCount(), a.createdAt(), Timestamps.now());
    }

    static CaptureMethod captureMethod(String wire) {
        return CaptureMethod.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    static AuthenticationType authenticationType(String wire) {
        return AuthenticationType.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    Optional<PaymentIntent> find(MerchantContext m, String paymentId) {
        return payments.findIntent(m.dataKey(), paymentId);
    }
}
