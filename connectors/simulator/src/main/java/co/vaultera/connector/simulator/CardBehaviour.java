package co.vaultera.connector.simulator;

/** What the simulated processor does with a card number; see {@link SimulatorCards}. */
public enum CardBehaviour {
    /** Approved without 3DS. */
    SUCCESS(null, null, Fault.NONE),
    /** 3DS challenge first: the payment waits for Complete or Reject on the challenge page. */
    CHALLENGE(null, null, Fault.NONE),
    DECLINED("card_declined", "Card declined", Fault.NONE),
    INSUFFICIENT_FUNDS("insufficient_funds", "Insufficient funds", Fault.NONE),
    LOST_CARD("lost_card", "Lost card", Fault.NONE),
    STOLEN_CARD("stolen_card", "Stolen card", Fault.NONE),
    /** Any number that is not a simulator test card. */
    NOT_SUPPORTED("card_not_supported",
            "Card not supported: the simulator accepts only its test cards (see its README)", Fault.NONE),
    /** Approved card whose authorize call meets {@link Fault#PROCESSOR_ERROR}. */
    PROCESSOR_ERROR(null, null, Fault.PROCESSOR_ERROR),
    /** Approved card whose authorize call meets {@link Fault#TIMEOUT_AFTER_CHARGE}. */
    TIMEOUT_AFTER_CHARGE(null, null, Fault.TIMEOUT_AFTER_CHARGE);

    private final String declineCode;
    private final String declineMessage;
    private final Fault fault;

    CardBehaviour(String declineCode, String declineMessage, Fault fault) {
        this.declineCode = declineCode;
        this.declineMessage = declineMessage;
        this.fault = fault;
    }

    /** Whether the authorization is declined. */
    public boolean declines() {
        return declineCode != null;
    }

    /** The decline code, or {@code null}. */
    public String declineCode() {
        return declineCode;
    }

    /** The decline message, or {@code null}. */
    public String declineMessage() {
        return declineMessage;
    }

    /** The fault the card triggers on authorize. */
    public Fault fault() {
        return fault;
    }
}
