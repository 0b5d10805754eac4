package co.vaultera.connector.simulator;

import java.util.Map;

/** The simulator's test cards (documented in the module README). Any other number is not supported. */
public final class SimulatorCards {

    public static final String VISA = "4242424242424242";
    public static final String VISA_2 = "4111111111111111";
    public static final String MASTERCARD = "5555555555554444";
    public static final String AMEX = "378282246310005";
    public static final String DISCOVER = "6011111111111117";
    public static final String DINERS = "38000000000006";
    public static final String DECLINED = "4000000000000002";
    public static final String DECLINED_MASTERCARD = "5105105105105100";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    public static final String LOST = "4000000000009987";
    public static final String STOLEN = "4000000000009979";
    public static final String THREE_DS = "4000003800000446";
    /** Our own number (Luhn-valid): the authorize call answers HTTP 500 and charges nothing. */
    public static final String PROCESSOR_ERROR = "4000000000000507";
    /** Our own number (Luhn-valid): charged, then the answer comes only after the fault delay. */
    public static final String TIMEOUT_AFTER_CHARGE = "4000000000000606";

    private static final Map<String, CardBehaviour> CARDS = Map.ofEntries(
            Map.entry(VISA, CardBehaviour.SUCCESS),
            Map.entry(VISA_2, CardBehaviour.SUCCESS),
            Map.entry(MASTERCARD, CardBehaviour.SUCCESS),
            Map.entry(AMEX, CardBehaviour.SUCCESS),
            Map.entry(DISCOVER, CardBehaviour.SUCCESS),
            Map.entry(DINERS, CardBehaviour.SUCCESS),
            Map.entry(DECLINED, CardBehaviour.DECLINED),
            Map.entry(DECLINED_MASTERCARD, CardBehaviour.DECLINED),
            Map.entry(INSUFFICIENT_FUNDS, CardBehaviour.INSUFFICIENT_FUNDS),
            Map.entry(LOST, CardBehaviour.LOST_CARD),
            Map.entry(STOLEN, CardBehaviour.STOLEN_CARD),
            Map.entry(THREE_DS, CardBehaviour.CHALLENGE),
            Map.entry(PROCESSOR_ERROR, CardBehaviour.PROCESSOR_ERROR),
            Map.entry(TIMEOUT_AFTER_CHARGE, CardBehaviour.TIMEOUT_AFTER_CHARGE));

    private SimulatorCards() {
    }

    /** What the processor does with this card number. */
    public static CardBehaviour behaviourOf(String number) {
        return CARDS.getOrDefault(number, CardBehaviour.NOT_SUPPORTED);
    }
}
