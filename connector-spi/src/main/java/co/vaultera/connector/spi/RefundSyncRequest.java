package co.vaultera.connector.spi;

/**
 * Ask the processor for the current state of a refund (RSync).
 *
 * @param account                the merchant's processor account
 * @param paymentId              the core's payment id
 * @param refundReference        the refund's reference at processors, which the connector sent with the refund
 * @param connectorTransactionId the processor's payment id
 * @param connectorRefundId      the processor's refund id, or {@code null} when the refund call ended without an
 *                               answer: the connector then looks the refund up by {@code refundReference}
 */
public record RefundSyncRequest(ConnectorAccount account, String paymentId, String refundReference,
                                String connectorTransactionId, String connectorRefundId) {

    /** Checks ids. */
    public RefundSyncRequest {
        Require.present(account, "account");
        Require.text(refundReference, "refundReference");
    }
}
