package co.vaultera.connector.spi;

import java.util.regex.Pattern;

/**
 * The full card the core hands to a connector for one call. It exists only in memory for that call: connectors
 * send it to their processor and never log or store it.
 *
 * <p>{@link #toString()} shows at most the first 6 and last 4 digits of the PAN (fewer for short numbers), never
 * the CVC and never the holder's name, so an accidental log line leaks nothing a receipt would not show.
 *
 * @param number      the PAN, 12 to 19 digits without separators
 * @param expiryMonth 1 to 12
 * @param expiryYear  four digits, e.g. 2030
 * @param holderName  the name on the card, or {@code null}
 * @param cvc         3 or 4 digits, or {@code null} when not collected (stored card, merchant-initiated payment)
 */
public record CardDetails(String number, int expiryMonth, int expiryYear, String holderName, String cvc) {

    // Compiled once: String.matches compiles its pattern on every call, and this runs on every payment.
    private static final Pattern PAN = Pattern.compile("[0-9]{12,19}");
    private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");

    /** Validates the shape without echoing any digit in the error message. */
    public CardDetails {
        if (number == null || !PAN.matcher(number).matches()) {
            throw new IllegalArgumentException("card number must be 12 to 19 digits");
        }
        if (expiryMonth < 1 || expiryMonth > 12) {
            throw new IllegalArgumentException("card expiry month must be 1 to 12");
        }
        if (expiryYear < 1000 || expiryYear > 9999) {
            throw new IllegalArgumentException("card expiry year must have four digits");
        }
        if (cvc != null && !CVC.matcher(cvc).matches()) {
            throw new IllegalArgumentException("card CVC must be 3 or 4 digits");
        }
    }

    /** The issuer identification number: the first 6 digits. */
    public String bin() {
        return number.substring(0, 6);
    }

    /** The last 4 digits. */
    public String last4() {
        return number.substring(number.length() - 4);
    }

    /**
     * The BIN as a display of the card may show it: the first 6 digits, or {@code null} below 13 digits, where
     * the BIN and the last 4 together would give away all but two digits of the number.
     */
    public String displayBin() {
        return number.length() >= 13 ? bin() : null;
    }

    /** The display view of this card, safe to store and show. */
    public MaskedCard masked() {
        return new MaskedCard(displayBin(), last4(), expiryMonth, expiryYear, holderName);
    }

    /**
     * The PAN with everything but the first 6 and last 4 digits replaced by {@code *}. Below 13 digits the BIN
     * would overlap too much of the number, so only the last 4 are shown.
     */
    public String maskedNumber() {
        int hidden = number.length() - 4;
        if (number.length() >= 13) {
            return bin() + "*".repeat(hidden - 6) + last4();
        }
        return "*".repeat(hidden) + last4();
    }

    @Override
    public String toString() {
        return "CardDetails[number=" + maskedNumber()
                + ", expiry=" + expiryMonth + "/" + expiryYear
                + ", holderName=" + (holderName == null ? "null" : "***")
                + ", cvc=" + (cvc == null ? "null" : "***") + "]";
    }
}
