package co.vaultera.refund.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The reference's {@code RefundResponse}. */
@JsonPropertyOrder({"refund_id", "payment_id", "amount", "currency", "status", "reason", "metadata", "error_message",
        "error_code", "unified_code", "unified_message", "created_at", "updated_at", "connector", "profile_id",
        "merchant_connector_id", "connector_refund_id", "refund_type"})
public record RefundResponse(String refundId, String paymentId, long amount, String currency, String status,
                             String reason, JsonNode metadata, String errorMessage, String errorCode,
                             String unifiedCode, String unifiedMessage, String createdAt, String updatedAt,
                             String connector, String profileId, String merchantConnectorId,
                             String connectorRefundId, String refundType) {

    /** {@code POST /refunds/list}: {@code count} items in this page out of {@code total_count}. */
    @JsonPropertyOrder({"count", "total_count", "data"})
    public record Page(int count, long totalCount, List<RefundResponse> data) {
    }
}
