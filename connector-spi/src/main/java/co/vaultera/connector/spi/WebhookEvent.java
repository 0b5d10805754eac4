package co.vaultera.connector.spi;

/**
 * A webhook as the connector understood it.
 *
 * <p>If {@code verified} is false the core ignores {@code payment} and {@code refund} and syncs the object named by
 * the ids instead (payments.md §10).
 *
 * @param verified               whether the signature checked out against the account's webhook secret
 * @param objectType             what the event is about
 * @param connectorTransactionId the processor's payment id, or {@code null}
 * @param connectorRefundId      the processor's refund id for refund events, or {@code null}
 * @param payment                the payment's new state for payment events, or {@code null}
 * @param refund                 the refund's new state for refund events, or {@code null}
 */
public record WebhookEvent(boolean verified, ObjectType objectType, String connectorTransactionId,
                           String connectorRefundId, PaymentResult payment, RefundResult refund) {

    /** Requires an object type. */
    public WebhookEvent {
        Require.present(objectType, "objectType");
    }

    /** What a webhook is about. */
    public enum ObjectType {
        PAYMENT,
        REFUND,
        DISPUTE,
        MANDATE,
        /** An event the core does not act on; it answers 200 and drops it. */
        IGNORED
    }
}
