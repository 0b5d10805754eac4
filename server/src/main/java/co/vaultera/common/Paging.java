package co.vaultera.common;

/**
 * Parses query parameters (list paging, flags); anything out of range is a 400 with the envelope, never a silent
 * clamp or a silent {@code false}.
 */
public final class Paging {

    private Paging() {
    }

    public static int limit(String raw, int defaultValue, int min, int max) {
        if (raw == null) {
            return defaultValue;
        }
        int value = parse("limit", raw);
        if (value < min || value > max) {
            throw new ApiException(ErrorCode.IR_06, "query parameter `limit` must be between " + min + " and " + max);
        }
        return value;
    }

    public static int offset(String name, String raw) {
        if (raw == null) {
            return 0;
        }
        int value = parse(name, raw);
        if (value < 0) {
            throw new ApiException(ErrorCode.IR_06, "query parameter `" + name + "` must not be negative");
        }
        return value;
    }

    /** A {@code true}/{@code false} query flag ({@code force_sync}, {@code expand_attempts}); absent is false. */
    public static boolean flag(String name, String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new ApiException(ErrorCode.IR_06, "query parameter `" + name + "` must be true or false");
    }

    private static int parse(String name, String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            boolean digits = raw.strip().matches("-?[0-9]+");
            throw new ApiException(ErrorCode.IR_06, "query parameter `" + name + "` must be an integer"
                    + (digits ? " of at most " + Integer.MAX_VALUE : ""));
        }
    }
}
