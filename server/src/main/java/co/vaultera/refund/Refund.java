package co.vaultera.refund;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** A refund of (part of) a captured payment. Status: pending, succeeded, failed or review. */
public record Refund(String refundId, String paymentId, String attemptId, String connector,
                     String merchantConnectorId, String connectorTransactionId, String connectorRefundId,
                     long amount, String currency, String status, String refundType, String reason,
                     ObjectNode metadata, String errorCode, String errorMessage, int syncCount, Instant createdAt,
                     Instant modifiedAt) {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String REVIEW = "review";

    public boolean counts() {
        return !FAILED.equals(status);
    }

    /**
     * Whether the processor has still to decide: {@code pending}, or {@code review} (held for a manual review at
     * the processor, which ends in success or failure). Such a refund is synced, by the job and on force_sync.
     */
    public boolean undecided() {
        return PENDING.equals(status) || REVIEW.equals(status);
    }
}
