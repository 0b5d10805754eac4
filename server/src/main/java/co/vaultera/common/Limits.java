package co.vaultera.common;

import java.util.regex.Pattern;

/** Field-level checks shared by request readers; failures are 400 IR_06 naming the field and the limit. */
public final class Limits {

    private Limits() {
    }

    /**
     * Local part of letters, digits and the RFC 5322 atom specials; domain of DNS labels (alphanumerics, inner
     * hyphens, at most 63 characters) with at least one dot. No IP literals, no quoted local parts.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** Refuses a value that is not an email address (see {@link #EMAIL}). */
    public static void email(String field, String value) {
        if (!EMAIL.matcher(value).matches()) {
            throw ApiException.invalidBody("field `" + field + "` is not a valid email address");
        }
    }

    public static void maxChars(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw ApiException.invalidBody("the maximum allowed length for field `" + field + "` is " + max);
        }
    }

    public static void minChars(String field, String value, int min) {
        if (value.codePointCount(0, value.length()) < min) {
            throw ApiException.invalidBody("the minimum required length for field `" + field + "` is " + min);
        }
    }

    /**
     * An identifier chosen by the merchant: trimmed, then 1–64 characters of {@code [A-Za-z0-9_-]}.
     * Returns the trimmed value.
     */
    public static String identifier(String field, String raw) {
        String value = raw.strip();
        minChars(field, value, 1);
        maxChars(field, value, 64);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            if (!ok) {
                throw ApiException.invalidBody("field `" + field + "` contains invalid character `" + new String(Character.toChars(value.codePointAt(i)))
                        + "`; allowed are A-Z, a-z, 0-9, `_` and `-`");
            }
        }
        return value;
    }

    /** Whether a path id could name a stored object; malformed ids are treated as unknown (404), not as errors. */
    public static boolean isIdentifier(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value echoed in an error: cut short so an error body never grows with the input, and with long digit runs
     * hidden so a card number pasted into the wrong field is never sent back.
     */
    static String excerpt(String value) {
        String masked = value.replaceAll("[0-9][0-9 -]{6,}[0-9]", "****");
        return masked.length() <= 70 ? masked : masked.substring(0, 64) + "…";
    }
}
