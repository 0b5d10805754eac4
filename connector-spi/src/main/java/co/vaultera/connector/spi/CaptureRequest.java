package co.vaultera.connector.spi;

/**
 * Capture all or part of an authorized amount.
 *
 * @param account                the merchant's processor account
 * @param paymentId              the core's payment id
 * @param attemptReference       the attempt's reference at processors (see {@link PaymentConnector})
 * @param captureReference       this capture's reference, unique per capture and stable across retries of it; the
 *                               processor idempotency key is derived from it ({@code manual_multiple} makes several
 *                               captures per attempt, so the attempt's reference is not enough)
 * @param connectorTransactionId the processor's payment id
 * @param amountToCapture        minor units, greater than 0
 * @param authorizedAmount       the attempt's authorized amount, for processors that need it
 * @param currency               ISO 4217 code in upper case
 * @param captureMethod          the attempt's capture method
 */
public record CaptureRequest(ConnectorAccount account, String paymentId, String attemptReference,
                             String captureReference, String connectorTransactionId, long amountToCapture,
                             long authorizedAmount, String currency, CaptureMethod captureMethod) {

    /** Checks ids and money. */
    public CaptureRequest {
        Require.present(account, "account");
        Require.text(attemptReference, "attemptReference");
        Require.text(captureReference, "captureReference");
        Require.text(connectorTransactionId, "connectorTransactionId");
        if (amountToCapture <= 0) {
            throw new IllegalArgumentException("amountToCapture must be positive");
        }
        Require.nonNegative(authorizedAmount, "authorizedAmount");
        Require.currency(currency);
        Require.present(captureMethod, "captureMethod");
    }
}
