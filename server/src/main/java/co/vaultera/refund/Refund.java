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
}
