package co.vaultera.connector.spi;

import java.util.Locale;

/** Status of a refund as the API shows it (payments.md §6). */
public enum RefundStatus {
    /** Sent or about to be sent; the outcome is not known yet. Pending refunds count against the refundable amount. */
    PENDING,
    SUCCEEDED,
    FAILED,
    /** The processor holds the refund for manual review. */
    REVIEW;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The snake_case name on the wire. */
    public String wireName() {
        return wireName;
    }
}
