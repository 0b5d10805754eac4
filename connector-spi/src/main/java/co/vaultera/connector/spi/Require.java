package co.vaultera.connector.spi;

import java.util.regex.Pattern;

/** Argument checks shared by the SPI records. Messages never echo values: some of them are secrets or card data. */
final class Require {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Require() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return value;
    }

    static String currency(String value) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code in upper case");
        }
        return value;
    }
}
