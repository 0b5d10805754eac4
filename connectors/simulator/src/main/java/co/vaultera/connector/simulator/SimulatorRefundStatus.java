package co.vaultera.connector.simulator;

import java.util.Locale;
import java.util.Optional;

/**
 * A refund's status at the simulated processor. It decides refunds at once ({@link #PENDING} is never produced) or,
 * when asked to, after a manual review ({@link #REVIEW}).
 */
public enum SimulatorRefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    REVIEW;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The snake_case name on the wire. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; empty for an unknown one. */
    public static Optional<SimulatorRefundStatus> fromWireName(String name) {
        for (SimulatorRefundStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
