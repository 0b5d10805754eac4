package co.vaultera.connector.spi;

import java.util.regex.Pattern;

/**
 * What may be shown and stored about a card: the fields of {@code payment_method_data.card} in responses.
 *
 * @param bin         the first 6 digits ({@code card_isin}), or {@code null} for a number too short to show them
 * @param last4       the last 4 digits
 * @param expiryMonth 1 to 12
 * @param expiryYear  four digits
 * @param holderName  the name on the card, or {@code null}
 */
public record MaskedCard(String bin, String last4, int expiryMonth, int expiryYear, String holderName) {

    // Compiled once: String.matches compiles its pattern on every call, and this runs on every payment.
    private static final Pattern BIN = Pattern.compile("[0-9]{6}");
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    /** Checks the digit counts, so a full PAN can never be stored here by mistake. */
    public MaskedCard {
        if (bin != null && !BIN.matcher(bin).matches()) {
            throw new IllegalArgumentException("bin must be 6 digits");
        }
        if (last4 == null || !LAST4.matcher(last4).matches()) {
            throw new IllegalArgumentException("last4 must be 4 digits");
        }
    }

    /** Leaves the holder's name out: it is personal data and logs do not need it. */
    @Override
    public String toString() {
        return "MaskedCard[bin=" + bin + ", last4=" + last4 + ", expiry=" + expiryMonth + "/" + expiryYear + "]";
    }
}
