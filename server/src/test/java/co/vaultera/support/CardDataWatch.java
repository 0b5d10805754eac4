package co.vaultera.support;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The card-data gate of the security reference (§4) for this test JVM: every card number a test sends is noted, and
 * every answer, log line ({@link CardDataLogCheck}) and, once all other tests have run, every database column and
 * PostgreSQL log ({@code CardDataLeakGateIT}) is searched for them.
 *
 * <p>It looks for the numbers the tests sent rather than for any Luhn-valid run of 13-19 digits: a card network's own
 * transaction id (the simulator's is 15 random digits, as Visa's) passes Luhn one time in ten, so "any run" would
 * fail on data that is not a card number at all. A card number only reaches the switch in a request, so a leak of
 * one is a leak of a number noted here. Findings name the place and the number's last four digits, never the number.
 */
public final class CardDataWatch {

    /** The README's test cards, noted up front for requests that do not go through the helpers below. */
    private static final List<String> README_CARDS = List.of("4242424242424242", "4111111111111111",
            "5555555555554444", "378282246310005", "6011111111111117", "38000000000006", "4000000000000002",
            "5105105105105100", "4000000000009995", "4000000000009987", "4000000000009979", "4000003800000446",
            "4000000000000507", "4000000000000606");

    private static final Pattern CARD_NUMBER_FIELD = Pattern.compile("\"card_number\"\\s*:\\s*\"([^\"]{0,64})\"");

    /** Digits, with single spaces or dashes between them as people write card numbers, at least 13 of them. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,}");

    private static final Set<String> NUMBERS = ConcurrentHashMap.newKeySet();
    private static final Set<String> FINDINGS = ConcurrentHashMap.newKeySet();

    static {
        NUMBERS.addAll(README_CARDS);
    }

    private CardDataWatch() {
    }

    /** Notes the card numbers in a request body ({@code "card_number"} fields) that look like card numbers. */
    public static void noteRequest(String body) {
        if (body == null) {
            return;
        }
        Matcher m = CARD_NUMBER_FIELD.matcher(body);
        while (m.find()) {
            String digits = m.group(1).replaceAll("[ -]", "");
            if (digits.matches("\\d{13,19}")) {
                NUMBERS.add(digits);
            }
        }
    }

    /** Searches an HTTP answer (its body and headers, e.g. a redirect's {@code Location}) for noted card numbers. */
    public static void checkAnswer(String request, String body, HttpHeaders headers) {
        check("the answer to " + request, body);
        check("the headers of the answer to " + request, headers.map().toString());
    }

    /** Searches {@code text} for noted card numbers; a hit is recorded as found in {@code where}. */
    public static void check(String where, String text) {
        for (String number : numbersIn(text)) {
            FINDINGS.add(where + " holds the card number ending " + number.substring(number.length() - 4));
        }
    }

    /** The noted card numbers in {@code text}, written with or without spaces or dashes. */
    public static Set<String> numbersIn(String text) {
        Set<String> found = new TreeSet<>();
        if (text == null) {
            return found;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group().replaceAll("[ -]", "");
            for (String number : NUMBERS) {
                if (digits.contains(number)) {
                    found.add(number);
                }
            }
        }
        return found;
    }

    /** Every card number noted so far, as a PostgreSQL regular expression that matches any of them. */
    public static String numbersAsRegex() {
        return "(" + String.join("|", NUMBERS) + ")";
    }

    /** What has been found so far, each place and number once, sorted. */
    public static List<String> findings() {
        return FINDINGS.stream().sorted().toList();
    }
}
