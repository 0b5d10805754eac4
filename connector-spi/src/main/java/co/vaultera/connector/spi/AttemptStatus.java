package co.vaultera.connector.spi;

import java.util.Locale;

/**
 * Status of one payment attempt against one processor: the 29 values of the reference (payments.md §2.2).
 *
 * <p>Connectors map their processor's own statuses onto these in one exhaustive {@code switch}; the core derives the
 * intent's status from it. {@link #wireName()} is the snake_case name used in API responses and storage.
 */
public enum AttemptStatus {
    STARTED,
    AUTHENTICATION_PENDING,
    AUTHENTICATION_SUCCESSFUL,
    AUTHENTICATION_FAILED,
    DEVICE_DATA_COLLECTION_PENDING,
    ROUTER_DECLINED,
    AUTHORIZING,
    AUTHORIZED,
    AUTHORIZATION_FAILED,
    PARTIALLY_AUTHORIZED,
    CHARGED,
    PARTIAL_CHARGED,
    PARTIAL_CHARGED_AND_CHARGEABLE,
    CAPTURE_INITIATED,
    CAPTURE_FAILED,
    CAPTURE_REVIEW,
    VOID_INITIATED,
    VOIDED,
    VOIDED_POST_CHARGE,
    VOID_FAILED,
    AUTO_REFUNDED,
    COD_INITIATED,
    UNRESOLVED,
    /** The default: the attempt exists but no processor outcome is known yet. */
    PENDING,
    FAILURE,
    PAYMENT_METHOD_AWAITED,
    CONFIRMATION_AWAITED,
    INTEGRITY_FAILURE,
    EXPIRED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The snake_case name on the wire, e.g. {@code partial_charged_and_chargeable}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name.
     *
     * @throws IllegalArgumentException if {@code wireName} is not one of the 29 statuses
     */
    public static AttemptStatus fromWireName(String wireName) {
        for (AttemptStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown attempt status: " + wireName);
    }
}
