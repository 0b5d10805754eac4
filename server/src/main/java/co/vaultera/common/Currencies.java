package co.vaultera.common;

import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ISO 4217 currencies and their minor-unit exponents. The exponents follow the reference table, not
 * {@link Currency#getDefaultFractionDigits()}, whose ISO data differs for some codes (IRR, ISK …).
 */
public final class Currencies {

    private static final Set<String> ZERO = Set.of("BIF", "CLP", "DJF", "GNF", "IRR", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    private static final Set<String> THREE = Set.of("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND");
    private static final Map<String, Integer> FOUR = Map.of("CLF", 4);
    /** Codes that are not money one can pay with (funds, metals, testing). */
    private static final Set<String> NOT_PAYABLE = Set.of("XAU", "XAG", "XPT", "XPD", "XDR", "XTS", "XXX", "XBA",
            "XBB", "XBC", "XBD", "XSU", "XUA", "BOV", "CHE", "CHW", "COU", "MXV", "USN", "USS", "UYI", "UYW");

    public static final Set<String> ALL;

    static {
        Set<String> all = new TreeSet<>();
        for (Currency c : Currency.getAvailableCurrencies()) {
            if (!NOT_PAYABLE.contains(c.getCurrencyCode())) {
                all.add(c.getCurrencyCode());
            }
        }
        all.add("CLF");
        ALL = java.util.Collections.unmodifiableSet(all);
    }

    private Currencies() {
    }

    public static boolean isKnown(String code) {
        return ALL.contains(code);
    }

    /** Digits after the decimal point in the currency's major unit. */
    public static int exponent(String code) {
        if (ZERO.contains(code)) {
            return 0;
        }
        if (THREE.contains(code)) {
            return 3;
        }
        return FOUR.getOrDefault(code, 2);
    }
}
