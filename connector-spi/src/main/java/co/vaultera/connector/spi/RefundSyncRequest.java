package co.vaultera.connector.spi;

/**
 * Ask the processor for the current state of a refund (RSync).
 *
 * @param account                the merchant's processor account
 * @param paymentId              the core's payment id
 * @param refundId               the core's refund id, which the connector sent as its reference
 * @param connectorTransactionId the processor's payment id
 * @param connectorRefundId      the processor's refund id, or {@code null} when the refund call ended without an
 *                               answer: the connector then looks the refund up by {@code refundId}
 */
public record RefundSyncRequest(ConnectorAccount account, String paymentId, String refundId,
                                String connectorTransactionId, String connectorRefundId) {

    /** Checks ids. */
    public RefundSyncRequest {
        Require.present(account, "account");
        Require.text(refundId, "refundId");
    }
}
