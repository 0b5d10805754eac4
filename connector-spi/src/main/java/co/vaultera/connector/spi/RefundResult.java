package co.vaultera.connector.spi;

/**
 * What the processor said about a refund: the answer of refund and refund sync.
 *
 * @param status            the refund's status, mapped by the connector
 * @param connectorRefundId the processor's refund id, or {@code null} if it created none
 * @param errorCode         the processor's error code when failed, or {@code null}
 * @param errorMessage      the processor's reason when failed, or {@code null}
 */
public record RefundResult(RefundStatus status, String connectorRefundId, String errorCode, String errorMessage) {

    /** Requires a status. */
    public RefundResult {
        Require.present(status, "status");
    }
}
