package co.vaultera.payment.card;

/** Card number checks: digits only, 12–19 of them, Luhn checksum. Never puts the number in a message. */
public final class CardNumbers {

    /**
     * The shortest PAN accepted. The vault rule in the security reference allows 8, but the connector SPI's
     * {@code CardDetails} carries 12 to 19 digits: a shorter number passing here would fail there, after
     * validation, as a 500. The major networks issue 12 (Maestro) to 19 digits, so nothing payable is lost.
     */
    public static final int MIN_DIGITS = 12;
    public static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    /** The number with spaces and dashes removed, or {@code null} if it is not a plausible, Luhn-valid PAN. */
    public static String normalise(String raw) {
        String digits = raw.replace(" ", "").replace("-", "");
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        return luhn(digits) ? digits : null;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
