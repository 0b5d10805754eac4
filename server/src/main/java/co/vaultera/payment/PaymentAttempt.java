package co.vaultera.payment;

import co.vaultera.connector.spi.AttemptStatus;
import java.time.Instant;

/** One try of a payment at one processor. */
public record PaymentAttempt(
        String attemptId, String paymentId, AttemptStatus status, String connector, String merchantConnectorId,
        long amount, String currency, String captureMethod, String authenticationType, long amountCapturable,
        long amountCaptured, String connectorTransactionId, String redirectUrl, String errorCode,
        String errorMessage, String networkTransactionId, String paymentMethod, String paymentMethodType,
        int syncCount, Instant createdAt, Instant modifiedAt) {
}
