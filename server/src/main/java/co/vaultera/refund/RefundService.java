package co.vaultera.refund;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.Ids;
import co.vaultera.common.Timestamps;
import co.vaultera.connector.ConnectorRegistry;
import co.vaultera.connector.ProcessorReferences;
import co.vaultera.connector.SyncReferences;
import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.PaymentConnector;
import co.vaultera.connector.spi.RefundRequest;
import co.vaultera.connector.spi.RefundResult;
import co.vaultera.connector.spi.RefundStatus;
import co.vaultera.connector.spi.RefundSyncRequest;
import co.vaultera.connectoraccount.ConnectorAccountService;
import co.vaultera.connectoraccount.ConnectorAccountService.RoutableAccount;
import co.vaultera.idempotency.Idempotency;
import co.vaultera.payment.IntentStatus;
import co.vaultera.payment.PaymentService;
import co.vaultera.payment.PaymentSettings;
import co.vaultera.refund.api.RefundRequests;
import co.vaultera.refund.api.RefundResponse;
import co.vaultera.web.auth.MerchantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds. Creation takes the payment's row lock, re-reads what is already refunded (pending refunds count) and
 * writes the new refund as pending before the processor is called, so concurrent refunds can never exceed what
 * was captured. The processor call is outside any transaction; an unknown outcome stays pending for sync.
 */
@Service
public class RefundService {

    private static final EnumSet<IntentStatus> REFUNDABLE = EnumSet.of(IntentStatus.SUCCEEDED,
            IntentStatus.PARTIALLY_CAPTURED, IntentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
    private static final Duration MAX_AGE = Duration.ofDays(365);

    private final RefundRepository refunds;
    private final PaymentService payments;
    private final ConnectorAccountService accounts;
    private final ConnectorRegistry connectors;
    private final SyncReferences syncReferences;
    private final PaymentSettings settings;
    private final TransactionTemplate tx;

    public RefundService(RefundRepository refunds, PaymentService payments, ConnectorAccountService accounts,
                         ConnectorRegistry connectors, SyncReferences syncReferences, PaymentSettings settings,
                         TransactionTemplate tx) {
        this.refunds = refunds;
        this.payments = payments;
        this.accounts = accounts;
        this.connectors = connectors;
        this.syncReferences = syncReferences;
        this.settings = settings;
        this.tx = tx;
    }

    private record Pending(Refund refund, long captured) {
    }

    /** The id of a new refund: the merchant's, or one made from the Idempotency-Key seed, or a random one. */
    private static String refundIdFor(RefundRequests.Create req, String idSeed) {
        if (req.refundId() != null) {
            return req.refundId();
        }
        return "ref_" + (idSeed != null ? idSeed : Ids.alphanumeric(20));
    }

    public RefundResponse create(MerchantContext m, RefundRequests.Create req, String idSeed) {
        String refundId = refundIdFor(req, idSeed);
        Pending started = tx.execute(status -> {
            PaymentService.Refundable p = payments.lockForRefund(m, req.paymentId());
            if (refunds.find(m.merchantId(), refundId).isPresent()) {
                throw duplicate();
            }
            if (!REFUNDABLE.contains(p.status()) || p.attempt() == null) {
                throw new ApiException(ErrorCode.IR_14, "This Payment could not be refunded because it has a status "
                        + "of " + p.status().wireName() + ". The expected state is succeeded, partially_captured, "
                        + "partially_captured_and_capturable");
            }
            if (p.createdAt().isBefore(Instant.now().minus(MAX_AGE))) {
                throw new ApiException(ErrorCode.HE_03, "Refund not possible: the payment is older than 365 days");
            }
            // The account is looked up before anything is written: a refund that cannot be sent is never recorded.
            accounts.forAttempt(m, p.attempt().merchantConnectorId());
            List<Refund> existing = refunds.ofPayment(m.merchantId(), p.paymentId());
            long refunded = existing.stream().filter(Refund::counts).mapToLong(Refund::amount).sum();
            long amount = RefundRules.amountToRefund(p.amountCaptured(), refunded, existing.size(), req.amount());
            Instant now = Timestamps.now();
            Refund r = new Refund(refundId,
                    p.paymentId(), p.attempt().attemptId(), p.attempt().connector(),
                    p.attempt().merchantConnectorId(), p.attempt().connectorTransactionId(), null, amount,
                    p.currency(), Refund.PENDING, req.refundType() != null ? req.refundType() : "instant",
                    req.reason(), req.metadata(), null, null, 0, now, now);
            // Written before the call with a sync already due: a crash mid-call is settled by sync, not lost.
            if (!refunds.insert(m.merchantId(), r, settings.firstSyncForCallStartingNow())) {
                throw duplicate();
            }
            return new Pending(r, p.amountCaptured());
        });
        Refund pending = started.refund();
        // Looked up again: an account deleted since transaction 1 gets no call (a sync of the refund then fails
        // it, as it was never sent), where sending it would leave a refund whose lost answer no one could ask.
        RoutableAccount account = accounts.forAttempt(m, pending.merchantConnectorId());
        RefundResult result = call(() -> connector(account).refund(new RefundRequest(account.account(),
                pending.paymentId(), ProcessorReferences.of(m.merchantId(), pending.attemptId()),
                ProcessorReferences.of(m.merchantId(), pending.refundId()), pending.connectorTransactionId(),
                pending.amount(), started.captured(), pending.currency(), pending.reason())));
        settle(m, pending, result, false);
        return view(m, find(m, pending.refundId()));
    }

    /**
     * A create retried after its first run died: the refund exists (its row is written before the processor call);
     * answers its synced state. A refund older than the request's key was not made by it: a duplicate refund_id.
     */
    public RefundResponse resumeCreate(MerchantContext m, RefundRequests.Create req, String idSeed,
                                       Instant claimedAt) {
        String refundId = refundIdFor(req, idSeed);
        if (Idempotency.Resume.predatesClaim(req.refundId(), find(m, refundId).createdAt(), claimedAt)) {
            throw duplicate();
        }
        return retrieve(m, refundId, true);
    }

    public RefundResponse retrieve(MerchantContext m, String refundId, boolean forceSync) {
        Refund r = find(m, refundId);
        if (forceSync && r.undecided()) {
            sync(m, refundId, false);
            r = find(m, refundId);
        }
        return view(m, r);
    }

    public RefundResponse update(MerchantContext m, String refundId, RefundRequests.Update req) {
        find(m, refundId);
        refunds.updateDetails(m.merchantId(), refundId, req.reason(), req.metadata());
        return view(m, find(m, refundId));
    }

    public RefundResponse.Page list(MerchantContext m, RefundFilter filter) {
        RefundRepository.Page page = refunds.list(m.merchantId(), filter);
        List<RefundResponse> data = page.items().stream().map(r -> view(m, r)).toList();
        return new RefundResponse.Page(data.size(), page.total(), data);
    }

    /**
     * Asks the processor about a refund it has not decided ({@code pending} or {@code review}).
     *
     * @param scheduled whether the sync job asks (its looks are counted and end; a merchant's force_sync is
     *                  answered without using them up)
     */
    public void sync(MerchantContext m, String refundId, boolean scheduled) {
        Refund r = find(m, refundId);
        if (!r.undecided()) {
            return;
        }
        RoutableAccount account;
        try {
            account = accounts.forSettling(m, r.merchantConnectorId());
        } catch (ApiException unusable) {
            if (unusable.code() != ErrorCode.HE_02) {
                // The account's connector is not part of this server (any more): the outcome is unknown, as when
                // the processor cannot be reached. The job keeps looking on its schedule (for a pending refund, until
                // its looks are used up; a start resumes them).
                if (scheduled) {
                    settle(m, r, null, true);
                }
                return;
            }
            // Its account is gone: removed by an earlier version, which did not keep deleted accounts.
            if (r.connectorRefundId() != null) {
                // The processor has this refund (it gave its id) and may still pay it out: failing it would free
                // its amount for a second refund. It stays as it is; the job stops looking (nobody can ask).
                if (scheduled) {
                    refunds.settle(m.merchantId(), r.refundId(), r.status(), r.status(), null, r.errorCode(),
                            r.errorMessage(), r.syncCount() + 1, PaymentSettings.SYNC_PARKED);
                }
                return;
            }
            // The processor never acknowledged the refund and nobody can ever ask it again: keeping the refund
            // pending would block the payment.
            refunds.settle(m.merchantId(), r.refundId(), r.status(), Refund.FAILED, null,
                    "connector_account_not_found", "The connector account of this refund no longer exists",
                    r.syncCount() + 1, null);
            return;
        }
        RefundResult result;
        try {
            result = connector(account).syncRefund(new RefundSyncRequest(account.account(), r.paymentId(),
                    syncReferences.refund(m.merchantId(), r.refundId(), r.connectorRefundId()),
                    r.connectorTransactionId(), r.connectorRefundId()));
        } catch (ConnectorException e) {
            result = null;
            boolean lastLook = scheduled && r.syncCount() + 1 >= settings.maxSyncs();
            if (e.error() == ConnectorError.NOT_FOUND && r.connectorRefundId() == null && lastLook) {
                // The processor never recorded this refund, and it is too late for it to arrive.
                result = new RefundResult(RefundStatus.FAILED, null, "not_found_at_processor",
                        "The processor has no record of this refund");
            }
        }
        if (!scheduled && (result == null || status(result).equals(r.status()))) {
            // A merchant's look that learned nothing changes nothing, not even when the job looks next.
            return;
        }
        settle(m, r, result, scheduled);
    }

    private void settle(MerchantContext m, Refund r, RefundResult result, boolean bySync) {
        int syncs = r.syncCount() + (bySync ? 1 : 0);
        if (result == null) {
            refunds.settle(m.merchantId(), r.refundId(), r.status(), r.status(), null, r.errorCode(),
                    r.errorMessage(), syncs, nextLook(r.status(), syncs, syncs == 0));
            return;
        }
        String status = status(result);
        refunds.settle(m.merchantId(), r.refundId(), r.status(), status, result.connectorRefundId(),
                result.errorCode(), result.errorMessage(), syncs, nextLook(status, syncs, false));
    }

    /**
     * When the job looks next at a refund in {@code status}: while pending, by the sync schedule (parked once used
     * up); in review, at the review interval until the processor decides; once decided, never.
     */
    private Instant nextLook(String status, int syncs, boolean firstLookAtUnknownOutcome) {
        return switch (status) {
            case Refund.PENDING -> settings.nextSync(syncs, firstLookAtUnknownOutcome);
            case Refund.REVIEW -> settings.nextReviewLook();
            default -> null;
        };
    }

    private static String status(RefundResult result) {
        return switch (result.status()) {
            case PENDING -> Refund.PENDING;
            case SUCCEEDED -> Refund.SUCCEEDED;
            case FAILED -> Refund.FAILED;
            case REVIEW -> Refund.REVIEW;
        };
    }

    /** A definite refusal is a failed refund; an unknown outcome is {@code null} (stays pending for sync). */
    private static RefundResult call(Supplier<RefundResult> flow) {
        try {
            return flow.get();
        } catch (ConnectorException e) {
            if (e.error() == ConnectorError.UNKNOWN_OUTCOME) {
                return null;
            }
            return new RefundResult(RefundStatus.FAILED, null, e.code(), e.getMessage());
        }
    }

    private PaymentConnector connector(RoutableAccount account) {
        return connectors.find(account.connectorName()).orElseThrow();
    }

    private Refund find(MerchantContext m, String refundId) {
        return refunds.find(m.merchantId(), refundId).orElseThrow(RefundService::notFound);
    }

    private static ApiException duplicate() {
        return new ApiException(ErrorCode.HE_01, "Duplicate refund request: the refund with the specified "
                + "refund_id already exists in our records");
    }

    static ApiException notFound() {
        return ApiException.notFound("Refund");
    }

    private static RefundResponse view(MerchantContext m, Refund r) {
        return RefundViews.of(r);
    }
}
