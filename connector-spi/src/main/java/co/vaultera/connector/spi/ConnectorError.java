package co.vaultera.connector.spi;

/**
 * Why a connector could not return a result. The core decides what to do with the payment from this alone, never
 * from the connector's name or the processor's own codes.
 */
public enum ConnectorError {
    /**
     * The processor refused the operation itself and created nothing that a result could describe (e.g. a capture
     * refused by the issuer). Final: nothing changed at the processor.
     */
    DECLINED,
    /**
     * The request may have reached the processor but no answer was understood: timeout or connection reset after
     * sending, HTTP 5xx, an unreadable success body. The operation may have happened; the core keeps the attempt
     * pending and syncs it. Never to be treated as failed, and never followed by a second authorize.
     */
    UNKNOWN_OUTCOME,
    /** The processor (or the connector, before sending) rejected the request as malformed or not allowed in the
     * object's current state. Final for this request; nothing changed at the processor. */
    INVALID_REQUEST,
    /** The connector or processor does not offer this flow or option. Nothing was sent. */
    UNSUPPORTED,
    /** The processor rejected the account's credentials. Nothing changed at the processor. */
    AUTHENTICATION,
    /**
     * The processor has no such object. For a sync by the core's reference this means the processor never
     * recorded the request (so nothing was charged), unless a request is still in flight.
     */
    NOT_FOUND;

    /** Whether the processor's state is known after this error: true for all but {@link #UNKNOWN_OUTCOME}. */
    public boolean outcomeKnown() {
        return this != UNKNOWN_OUTCOME;
    }
}
