package co.vaultera.common;

/**
 * How personal data shows in a {@code toString}: not at all. Records holding it override {@code toString} with
 * this, so that an object that reaches a log or an exception message says whether a field was set, never its value.
 */
public final class Pii {

    private Pii() {
    }

    /** {@code "***"} for a value that is set, {@code "null"} for one that is not. */
    public static String hidden(Object value) {
        return value == null ? "null" : "***";
    }
}
