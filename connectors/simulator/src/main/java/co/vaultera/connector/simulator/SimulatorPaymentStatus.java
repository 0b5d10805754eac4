package co.vaultera.connector.simulator;

import java.util.Locale;
import java.util.Optional;

/** A payment's status at the simulated processor, in the processor's own words (not the switch's). */
public enum SimulatorPaymentStatus {
    /** Waiting for the shopper on the 3DS challenge page. */
    REQUIRES_ACTION,
    /** Authorized; nothing captured yet. */
    REQUIRES_CAPTURE,
    /** Part captured and the rest still capturable ({@code manual_multiple}). */
    PARTIALLY_CAPTURED,
    /** Captured and closed for capture; {@code amount_captured} may be below the amount after a partial capture. */
    SUCCEEDED,
    /** Declined, or 3DS rejected. */
    FAILED,
    /** Voided before any capture. */
    CANCELLED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The snake_case name on the wire. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; empty for an unknown one. */
    public static Optional<SimulatorPaymentStatus> fromWireName(String name) {
        for (SimulatorPaymentStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
