package co.vaultera.connector.simulator;

import java.util.Locale;
import java.util.Optional;

/** A refund's status at the simulated processor. It refunds at once, so {@link #PENDING} is not produced today. */
public enum SimulatorRefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

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
