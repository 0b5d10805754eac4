package co.vaultera.connector.simulator;

import java.util.Locale;

/** A failure the simulated processor can be asked to produce, by test card or by connector-account metadata. */
public enum Fault {
    /** Behave normally. */
    NONE,
    /** Answer HTTP 500 without doing anything: nothing is charged, captured or refunded. */
    PROCESSOR_ERROR,
    /**
     * Do the operation (the charge is recorded), then answer only after a delay longer than any sane client
     * timeout: the caller sees a timeout although the money moved, and must sync to find out.
     */
    TIMEOUT_AFTER_CHARGE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The snake_case name used in metadata and headers. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name; {@code null} or blank means {@link #NONE}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Fault fromWireName(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        for (Fault fault : values()) {
            if (fault.wireName.equals(name)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault: " + name);
    }
}
