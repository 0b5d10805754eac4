package co.vaultera.payment;

/** What a merchant (or the switch itself) can do to a payment; each is allowed only from some statuses. */
public enum PaymentOperation {
    UPDATE("updated"),
    CONFIRM("confirmed"),
    CAPTURE("captured"),
    CANCEL("cancelled"),
    SYNC("synced"),
    COMPLETE_AUTHORIZE("completed");

    private final String pastTense;

    PaymentOperation(String pastTense) {
        this.pastTense = pastTense;
    }

    /** As in "This Payment could not be {captured} because …". */
    public String pastTense() {
        return pastTense;
    }
}
