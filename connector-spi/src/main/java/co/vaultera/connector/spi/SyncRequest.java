package co.vaultera.connector.spi;

/**
 * Ask the processor for the current state of an attempt (PSync).
 *
 * @param account                the merchant's processor account
 * @param paymentId              the core's payment id
 * @param attemptReference       the attempt's reference at processors, which the connector sent with the authorize
 * @param connectorTransactionId the processor's payment id, or {@code null} when the authorize call ended without
 *                               an answer (timeout): the connector then looks the payment up by
 *                               {@code attemptReference}
 * @param captureMethod          the attempt's capture method
 */
public record SyncRequest(ConnectorAccount account, String paymentId, String attemptReference,
                          String connectorTransactionId, CaptureMethod captureMethod) {

    /** Checks ids. */
    public SyncRequest {
        Require.present(account, "account");
        Require.text(attemptReference, "attemptReference");
        Require.present(captureMethod, "captureMethod");
    }
}
