package co.vaultera.connector.spi;

/**
 * Refund all or part of a captured amount.
 *
 * @param account                the merchant's processor account
 * @param paymentId              the core's payment id
 * @param attemptReference       the captured attempt's reference at processors (see {@link PaymentConnector})
 * @param refundReference        the refund's reference at processors: sent as the refund's reference, and the
 *                               processor idempotency key is derived from it
 * @param connectorTransactionId the processor's payment id
 * @param refundAmount           minor units, greater than 0
 * @param capturedAmount         the payment's captured amount, for processors that need it
 * @param currency               ISO 4217 code in upper case
 * @param reason                 the merchant's reason, or {@code null}
 */
public record RefundRequest(ConnectorAccount account, String paymentId, String attemptReference,
                            String refundReference, String connectorTransactionId, long refundAmount,
                            long capturedAmount, String currency, String reason) {

    /** Checks ids and money. */
    public RefundRequest {
        Require.present(account, "account");
        Require.text(refundReference, "refundReference");
        Require.text(connectorTransactionId, "connectorTransactionId");
        if (refundAmount <= 0) {
            throw new IllegalArgumentException("refundAmount must be positive");
        }
        Require.nonNegative(capturedAmount, "capturedAmount");
        Require.currency(currency);
    }
}
