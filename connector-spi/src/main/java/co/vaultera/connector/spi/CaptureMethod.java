package co.vaultera.connector.spi;

import java.util.Locale;

/** How an authorized amount gets captured (payments.md §3, capture methods). */
public enum CaptureMethod {
    /** Authorize and capture the full amount in one step. */
    AUTOMATIC,
    /** Authorize now; one capture (full or partial) later. */
    MANUAL,
    /** Several partial captures, up to the authorized amount. */
    MANUAL_MULTIPLE,
    /** Capture at a given time; most processors reject it. */
    SCHEDULED,
    /**
     * Behaves like {@link #AUTOMATIC} for the merchant; in Hyperswitch, separate authorize and capture calls. The
     * core makes no capture call after an authorization, so a connector charges it in the authorize call.
     */
    SEQUENTIAL_AUTOMATIC;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The snake_case name on the wire. */
    public String wireName() {
        return wireName;
    }
}
