package co.vaultera.payment;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merchant-facing payment, PII decrypted. Its status follows its active attempt's. {@code sessionExpiry}: when
 * its client_secret stops confirming it. {@code orderDetails}: the order's lines as the merchant sent them (validated).
 */
public record PaymentIntent(
        String paymentId, IntentStatus status, long amount, String currency, long amountCaptured,
        Long amountToCapture, String captureMethod, String authenticationType, String customerId, String description,
        String returnUrl, ObjectNode metadata, String setupFutureUsage, String clientSecret, String activeAttemptId,
        int attemptCount, String profileId, List<String> connectorPreference, String email, String name, String phone,
        String phoneCountryCode, ObjectNode billing, ObjectNode shipping, String statementDescriptorName,
        String statementDescriptorSuffix, String merchantOrderReferenceId, String paymentMethod,
        String paymentMethodType, StoredCard card, String cancellationReason, Instant createdAt,
        Instant modifiedAt, Instant sessionExpiry, ArrayNode orderDetails) {

    /** What may be shown of the card: BIN, last four, network, expiry and holder; never the number. */
    public record StoredCard(String isin, String last4, String network, String expMonth, String expYear,
                             String holderName) {
    }

    public PaymentIntent withStatus(IntentStatus newStatus) {
        return new PaymentIntent(paymentId, newStatus, amount, currency, amountCaptured, amountToCapture,
                captureMethod, authenticationType, customerId, description, returnUrl, metadata, setupFutureUsage,
                clientSecret, activeAttemptId, attemptCount, profileId, connectorPreference, email, name, phone,
                phoneCountryCode, billing, shipping, statementDescriptorName, statementDescriptorSuffix,
                merchantOrderReferenceId, paymentMethod, paymentMethodType, card, cancellationReason, createdAt,
                modifiedAt, sessionExpiry, orderDetails);
    }
}
