package co.vaultera.connector.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finish an authorization after the shopper came back from a redirect step (3DS challenge).
 *
 * @param account                the merchant's processor account
 * @param paymentId              the core's payment id
 * @param attemptReference       the attempt's reference at processors (see {@link PaymentConnector})
 * @param connectorTransactionId the processor's payment id from the authorize result
 * @param amount                 the authorized amount in minor units
 * @param currency               ISO 4217 code in upper case
 * @param captureMethod          the attempt's capture method
 * @param returnParameters       the query or form parameters the browser brought back, as received
 */
public record CompleteAuthorizeRequest(ConnectorAccount account, String paymentId, String attemptReference,
                                       String connectorTransactionId, long amount, String currency,
                                       CaptureMethod captureMethod, Map<String, String> returnParameters) {

    /** Checks ids and money; copies the parameters. */
    public CompleteAuthorizeRequest {
        Require.present(account, "account");
        Require.text(attemptReference, "attemptReference");
        Require.text(connectorTransactionId, "connectorTransactionId");
        Require.nonNegative(amount, "amount");
        Require.currency(currency);
        Require.present(captureMethod, "captureMethod");
        returnParameters = returnParameters == null
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(returnParameters));
    }
}
