package co.vaultera.payment;

import java.time.Instant;

/** One capture call against an authorization (several for {@code manual_multiple}). */
public record PaymentCapture(String captureId, String paymentId, String attemptId, long amount, String status,
                             String errorCode, String errorMessage, Instant createdAt) {
}
