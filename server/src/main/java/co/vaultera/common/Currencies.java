package co.vaultera.common;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ISO 4217 currencies a payment may be made in, and their minor-unit exponents.
 *
 * <p>Not {@link java.util.Currency}: the JDK also knows withdrawn codes (DEM, FRF, VEF …) that no processor takes,
 * and its exponents differ from the reference's for some codes (IRR, ISK …).
 */
public final class Currencies {

    /**
     * ISO 4217 List One ("current currency &amp; funds") as published by its maintenance agency (SIX) on
     * 2025-05-12, without the codes that are not money one pays with: funds (BOV, CHE, CHW, COU, MXV, USN, UYI,
     * UYW, XAD), precious metals (XAG, XAU, XPD, XPT), units of account (XBA–XBD, XDR, XSU, XUA), testing (XTS)
     * and no currency (XXX). CLF, a fund, stays: the reference gives it an exponent and Hyperswitch accepts it.
     * Update it from each new list, withdrawn codes leaving (that one no longer had ANG, CUC, HRK, SLL or ZWL).
     * BGN is in it; Bulgaria adopted the euro on 2026-01-01, so BGN leaves with the list that withdraws it.
     */
    public static final Set<String> ALL = Set.of(
            "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
            "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLF", "CLP", "CNY",
            "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP",
            "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
            "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
            "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR",
            "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
            "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
            "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY",
            "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XCD",
            "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG");

    /**
     * Exponents other than 2, from the reference's table (Hyperswitch's). Not ISO's minor units: ISO gives ISK 0
     * and IRR 2, where processors and Hyperswitch use ISK 2 and IRR 0.
     */
    private static final Map<String, Integer> NOT_TWO = exponents();

    private Currencies() {
    }

    private static Map<String, Integer> exponents() {
        Map<String, Integer> out = new TreeMap<>();
        Stream.of("BIF", "CLP", "DJF", "GNF", "IRR", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
                "XAF", "XOF", "XPF").forEach(c -> out.put(c, 0));
        Stream.of("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND").forEach(c -> out.put(c, 3));
        out.put("CLF", 4);
        Set<String> unknown = out.keySet().stream().filter(c -> !ALL.contains(c)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("exponents for currencies not accepted: " + unknown);
        }
        return Map.copyOf(out);
    }

    public static boolean isKnown(String code) {
        return ALL.contains(code);
    }

    /** Digits after the decimal point in the currency's major unit (JPY 0, USD 2, BHD 3, CLF 4). */
    public static int exponent(String code) {
        if (!isKnown(code)) {
            throw new IllegalArgumentException("not an accepted currency: " + code);
        }
        return NOT_TWO.getOrDefault(code, 2);
    }
}
