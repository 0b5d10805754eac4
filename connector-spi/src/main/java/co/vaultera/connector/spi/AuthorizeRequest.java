package co.vaultera.connector.spi;

/**
 * Authorize (and, for {@link CaptureMethod#AUTOMATIC}, capture) a card payment.
 *
 * @param account            the merchant's processor account
 * @param paymentId          the core's payment id ({@code pay_…})
 * @param attemptReference   the attempt's reference at processors (see {@link PaymentConnector}, "References"):
 *                           sent as the merchant reference, and the processor idempotency key is derived from it
 * @param amount             minor units of {@code currency}; 0 for a zero-amount authorization
 * @param currency           ISO 4217 code in upper case
 * @param captureMethod      how the amount will be captured
 * @param authenticationType whether the merchant asked for 3DS
 * @param card               the card to charge
 * @param returnUrl          the switch's endpoint the shopper's browser comes back to after a redirect step such as a
 *                           3DS challenge (not the merchant's {@code return_url}); {@code null} if none
 * @param description        shown on the processor's dashboard, or {@code null}
 */
public record AuthorizeRequest(ConnectorAccount account, String paymentId, String attemptReference, long amount,
                               String currency, CaptureMethod captureMethod, AuthenticationType authenticationType,
                               CardDetails card, String returnUrl, String description) {

    /** Checks the fields the connector cannot work without. */
    public AuthorizeRequest {
        Require.present(account, "account");
        Require.text(paymentId, "paymentId");
        Require.text(attemptReference, "attemptReference");
        Require.nonNegative(amount, "amount");
        Require.currency(currency);
        Require.present(captureMethod, "captureMethod");
        Require.present(authenticationType, "authenticationType");
        Require.present(card, "card");
    }
}
