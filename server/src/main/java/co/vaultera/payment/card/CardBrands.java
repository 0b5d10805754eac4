package co.vaultera.payment.card;

import java.util.List;

/**
 * Card networks by BIN range. Kept as data, not logic: processors' tables differ at the edges and ranges change.
 */
public final class CardBrands {

    private record Range(String network, long from, long to, int prefixDigits) {
        boolean matches(String pan) {
            if (pan.length() < prefixDigits) {
                return false;
            }
            long prefix = Long.parseLong(pan.substring(0, prefixDigits));
            return prefix >= from && prefix <= to;
        }
    }

    private static final List<Range> RANGES = List.of(
            new Range("AmericanExpress", 34, 34, 2),
            new Range("AmericanExpress", 37, 37, 2),
            new Range("DinersClub", 300000, 305999, 6),
            new Range("DinersClub", 309500, 309599, 6),
            new Range("DinersClub", 36, 36, 2),
            new Range("DinersClub", 38, 39, 2),
            new Range("JCB", 3528, 3589, 4),
            new Range("Discover", 6011, 6011, 4),
            new Range("Discover", 644000, 659999, 6),
            new Range("Mastercard", 51, 55, 2),
            new Range("Mastercard", 222100, 272099, 6),
            new Range("Visa", 4, 4, 1));

    private CardBrands() {
    }

    /** The network of a PAN, or {@code null} when no range matches. */
    public static String networkOf(String pan) {
        for (Range r : RANGES) {
            if (r.matches(pan)) {
                return r.network();
            }
        }
        return null;
    }
}
