package co.vaultera.connector.spi;

/**
 * What the processor said about a payment: the answer of authorize, complete-authorize, capture, void and sync.
 * A decline is a result too (a failed status with an error code), not an exception.
 *
 * @param status                 the attempt's status, mapped by the connector
 * @param connectorTransactionId the processor's payment id, or {@code null} if it created none
 * @param redirect               where the shopper must go next (3DS challenge), or {@code null}; set with
 *                               {@link AttemptStatus#AUTHENTICATION_PENDING}
 * @param errorCode              the processor's error or decline code, or {@code null}
 * @param errorMessage           the processor's reason, or {@code null}
 * @param networkTransactionId   the card network's transaction id (for merchant-initiated payments), or {@code null}
 * @param amountCaptured         minor units captured so far, or {@code null} if the processor did not say
 * @param amountCapturable       minor units still capturable, or {@code null} if the processor did not say
 */
public record PaymentResult(AttemptStatus status, String connectorTransactionId, RedirectForm redirect,
                            String errorCode, String errorMessage, String networkTransactionId,
                            Long amountCaptured, Long amountCapturable) {

    /** Requires a status. */
    public PaymentResult {
        Require.present(status, "status");
    }

    /** A result with only a status and the processor's id; add the rest with the {@code with…} methods. */
    public static PaymentResult of(AttemptStatus status, String connectorTransactionId) {
        return new PaymentResult(status, connectorTransactionId, null, null, null, null, null, null);
    }

    /** This result with a next action for the shopper. */
    public PaymentResult withRedirect(RedirectForm form) {
        return new PaymentResult(status, connectorTransactionId, form, errorCode, errorMessage, networkTransactionId,
                amountCaptured, amountCapturable);
    }

    /** This result with the processor's error code and message. */
    public PaymentResult withError(String code, String message) {
        return new PaymentResult(status, connectorTransactionId, redirect, code, message, networkTransactionId,
                amountCaptured, amountCapturable);
    }

    /** This result with the network transaction id. */
    public PaymentResult withNetworkTransactionId(String id) {
        return new PaymentResult(status, connectorTransactionId, redirect, errorCode, errorMessage, id,
                amountCaptured, amountCapturable);
    }

    /** This result with the captured and still-capturable amounts. */
    public PaymentResult withAmounts(long captured, long capturable) {
        return new PaymentResult(status, connectorTransactionId, redirect, errorCode, errorMessage,
                networkTransactionId, captured, capturable);
    }
}
