package co.vaultera.payment.api;

import co.vaultera.refund.api.RefundResponse;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The reference's {@code PaymentsResponse} (main fields). The card appears masked only. */
@JsonPropertyOrder({"payment_id", "merchant_id", "status", "amount", "net_amount", "amount_capturable",
        "amount_received", "amount_to_capture", "connector", "client_secret", "created", "updated", "expires_on",
        "currency",
        "customer_id", "description", "refunds", "mandate_id", "setup_future_usage", "capture_method", "payment_method",
        "payment_method_type", "payment_method_data", "email", "name", "phone", "phone_country_code", "billing",
        "shipping", "return_url", "authentication_type", "statement_descriptor_name", "statement_descriptor_suffix",
        "next_action", "cancellation_reason", "error_code", "error_message", "unified_code", "unified_message",
        "metadata", "order_details", "connector_transaction_id", "merchant_connector_id", "payment_method_id",
        "attempts", "captures", "manual_retry_allowed", "attempt_count", "profile_id", "network_transaction_id",
        "merchant_order_reference_id"})
public record PaymentResponse(
        String paymentId, String merchantId, String status, long amount, long netAmount, long amountCapturable,
        Long amountReceived, Long amountToCapture, String connector, String clientSecret, String created,
        String updated, String expiresOn, String currency,
        String customerId, String description, List<RefundResponse> refunds, String mandateId,
        String setupFutureUsage,
        String captureMethod, String paymentMethod, String paymentMethodType, PaymentMethodData paymentMethodData,
        String email, String name, String phone, String phoneCountryCode, JsonNode billing, JsonNode shipping,
        String returnUrl, String authenticationType, String statementDescriptorName,
        String statementDescriptorSuffix, Map<String, String> nextAction, String cancellationReason,
        String errorCode, String errorMessage, String unifiedCode, String unifiedMessage, JsonNode metadata,
        JsonNode orderDetails, String connectorTransactionId, String merchantConnectorId, String paymentMethodId,
        List<Attempt> attempts, List<Capture> captures,
        Boolean manualRetryAllowed, int attemptCount, String profileId, String networkTransactionId,
        String merchantOrderReferenceId) {

    public record PaymentMethodData(Card card, JsonNode billing) {
    }

    @JsonPropertyOrder({"last4", "card_isin", "card_network", "card_exp_month", "card_exp_year",
            "card_holder_name"})
    public record Card(String last4, String cardIsin, String cardNetwork, String cardExpMonth, String cardExpYear,
                       String cardHolderName) {
    }

    /**
     * One try at a processor (the reference's {@code PaymentAttemptResponse}), listed with
     * {@code expand_attempts=true}. Mandates, tokens and SDK fields are {@code null}: those capabilities are not built.
     */
    @JsonPropertyOrder({"attempt_id", "status", "amount", "currency", "connector", "error_message",
            "payment_method", "connector_transaction_id", "capture_method", "authentication_type", "created_at",
            "modified_at", "cancellation_reason", "mandate_id", "error_code", "payment_token",
            "payment_method_type", "reference_id", "unified_code", "unified_message"})
    public record Attempt(String attemptId, String status, long amount, String currency, String connector,
                          String errorMessage, String paymentMethod, String connectorTransactionId,
                          String captureMethod, String authenticationType, String createdAt, String modifiedAt,
                          String cancellationReason, String mandateId, String errorCode, String paymentToken,
                          String paymentMethodType, String referenceId, String unifiedCode, String unifiedMessage) {
    }

    @JsonPropertyOrder({"capture_id", "status", "amount", "currency", "connector", "created", "error_code",
            "error_message"})
    public record Capture(String captureId, String status, long amount, String currency, String connector,
                          String created, String errorCode, String errorMessage) {
    }
}
