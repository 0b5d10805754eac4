package co.vaultera.connector.spi;

/**
 * Release an authorization that was not (fully) captured.
 *
 * @param account                the merchant's processor account
 * @param paymentId              the core's payment id
 * @param attemptReference       the attempt's reference at processors (see {@link PaymentConnector}); the
 *                               processor idempotency key is derived from it
 * @param connectorTransactionId the processor's payment id
 * @param cancellationReason     the merchant's reason, or {@code null}
 */
public record VoidRequest(ConnectorAccount account, String paymentId, String attemptReference,
                          String connectorTransactionId, String cancellationReason) {

    /** Checks ids. */
    public VoidRequest {
        Require.present(account, "account");
        Require.text(attemptReference, "attemptReference");
        Require.text(connectorTransactionId, "connectorTransactionId");
    }
}
