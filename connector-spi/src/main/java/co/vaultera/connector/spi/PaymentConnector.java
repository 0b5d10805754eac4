package co.vaultera.connector.spi;

/**
 * One processor integration. The core calls these flows outside any database transaction, through
 * {@link ConnectorHttpClient}, and never asks which connector it is talking to.
 *
 * <h2>Results and exceptions</h2>
 * A flow <em>returns</em> whenever the processor gave a definite answer about the payment or refund, declines
 * included (e.g. {@link AttemptStatus#FAILURE} with the processor's error code). It <em>throws</em>
 * {@link ConnectorException} when it has no such answer; the exception's {@link ConnectorError} tells the core
 * what it may conclude: above all, {@link ConnectorError#UNKNOWN_OUTCOME} means "sync later", never "failed".
 *
 * <h2>Unsupported flows</h2>
 * Every flow has a default that throws {@link ConnectorException} with {@link ConnectorError#UNSUPPORTED} and code
 * {@code unsupported_flow}, before anything is sent. A connector overrides only what its processor offers.
 *
 * <h2>References and idempotency</h2>
 * Requests carry the core's references for the attempt, capture or refund: stable across retries of one call and
 * unique across every merchant of the switch ({@code {merchant_id}.{attempt_id}}, {@code {merchant_id}.{refund_id}},
 * at most 160 characters of {@code [A-Za-z0-9_.-]}), since merchants choose their own payment and refund ids and
 * several may use one processor account's credentials. Connectors send them as the merchant reference and derive
 * their processor idempotency keys from them deterministically, so a retried call can never charge twice and one
 * merchant's call can never be answered with another's. A processor that takes shorter references or fewer
 * characters gets a deterministic function of them (a hash, say): the same request must always give the same value,
 * since a sync after a lost answer looks the payment up by it. ({@code paymentId} is the merchant's id, for
 * display.)
 *
 * <p>Implementations are stateless and thread-safe; they never log card numbers, CVCs or credentials.
 */
public interface PaymentConnector {

    /** The connector name as merchants configure it, e.g. {@code stripe_test}. */
    String name();

    /**
     * Checks an account's settings (credentials' shape, connector-specific metadata) when the merchant saves it, so
     * a mistake is a 400 then instead of a refused payment later. Calls no processor. By default accepts all.
     *
     * @throws ConnectorException with {@link ConnectorError#INVALID_REQUEST} and a message naming the setting
     */
    default void checkAccount(ConnectorAccount account) {
    }

    /**
     * Authorizes a card payment, capturing it at once for {@link CaptureMethod#AUTOMATIC}.
     *
     * @throws ConnectorException when no definite answer was obtained
     */
    default PaymentResult authorize(AuthorizeRequest request) {
        throw ConnectorException.unsupported(name(), "authorize");
    }

    /**
     * Finishes an authorization after the shopper's redirect step (3DS).
     *
     * @throws ConnectorException when no definite answer was obtained
     */
    default PaymentResult completeAuthorize(CompleteAuthorizeRequest request) {
        throw ConnectorException.unsupported(name(), "complete authorize");
    }

    /**
     * Captures all or part of an authorization.
     *
     * @throws ConnectorException when no definite answer was obtained
     */
    default PaymentResult capture(CaptureRequest request) {
        throw ConnectorException.unsupported(name(), "capture");
    }

    /**
     * Releases an authorization.
     *
     * @throws ConnectorException when no definite answer was obtained
     */
    default PaymentResult voidPayment(VoidRequest request) {
        throw ConnectorException.unsupported(name(), "void");
    }

    /**
     * Reads the attempt's state at the processor.
     *
     * @throws ConnectorException when no definite answer was obtained; {@link ConnectorError#NOT_FOUND} when the
     *                            processor has no such payment
     */
    default PaymentResult syncPayment(SyncRequest request) {
        throw ConnectorException.unsupported(name(), "payment sync");
    }

    /**
     * Refunds all or part of a captured payment.
     *
     * @throws ConnectorException when no definite answer was obtained
     */
    default RefundResult refund(RefundRequest request) {
        throw ConnectorException.unsupported(name(), "refund");
    }

    /**
     * Reads a refund's state at the processor.
     *
     * @throws ConnectorException when no definite answer was obtained; {@link ConnectorError#NOT_FOUND} when the
     *                            processor has no such refund
     */
    default RefundResult syncRefund(RefundSyncRequest request) {
        throw ConnectorException.unsupported(name(), "refund sync");
    }

    /**
     * Verifies and reads an incoming webhook. Makes no HTTP call.
     *
     * @throws ConnectorException with {@link ConnectorError#INVALID_REQUEST} when the body cannot be read
     */
    default WebhookEvent parseWebhook(WebhookRequest request) {
        throw ConnectorException.unsupported(name(), "webhook");
    }
}
