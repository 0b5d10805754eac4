package co.vaultera.connector;

/**
 * The names the switch gives its attempts, captures and refunds at processors. Connectors send them as the
 * merchant reference and derive processor idempotency keys from them, so they must be unique across the whole
 * switch: a merchant's own ids ({@code payment_id}, so the attempt and capture ids made from it, and
 * {@code refund_id}) are unique only within that merchant, and merchants may use one processor account's
 * credentials. Two merchants both paying {@code order_1} would otherwise share the processor's idempotency key, and
 * the second would be answered with the first one's charge.
 */
public final class ProcessorReferences {

    private ProcessorReferences() {
    }

    /**
     * {@code {merchant_id}.{id}}: unambiguous, since neither the merchant's id nor its objects' ids can contain a
     * {@code .} (both are {@code [A-Za-z0-9_-]}), and stable, since both are fixed when the object is made.
     *
     * @param id an attempt, capture or refund id of that merchant
     */
    public static String of(String merchantId, String id) {
        return merchantId + "." + id;
    }
}
