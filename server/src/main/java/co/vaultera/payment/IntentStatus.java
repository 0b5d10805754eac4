package co.vaultera.payment;

import java.util.Locale;

/** The merchant-facing status of a payment (reference payments.md §2.1, 17 values). */
public enum IntentStatus {
    REQUIRES_PAYMENT_METHOD,
    REQUIRES_CONFIRMATION,
    REQUIRES_CUSTOMER_ACTION,
    REQUIRES_MERCHANT_ACTION,
    PROCESSING,
    REQUIRES_CAPTURE,
    PARTIALLY_AUTHORIZED_AND_REQUIRES_CAPTURE,
    PARTIALLY_CAPTURED,
    PARTIALLY_CAPTURED_AND_CAPTURABLE,
    PARTIALLY_CAPTURED_AND_PROCESSING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    CANCELLED_POST_CAPTURE,
    EXPIRED,
    CONFLICTED,
    REVIEW;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static IntentStatus fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
