package co.vaultera.connector.simulator;

import java.time.Duration;

/**
 * How the processor should misbehave for one call, from the connector account's {@code simulator} metadata.
 *
 * @param latency    added before every answer (default 0)
 * @param fault      the fault to produce on state-changing calls; a test card's fault applies when this is
 *                   {@link Fault#NONE}
 * @param faultDelay how long {@link Fault#TIMEOUT_AFTER_CHARGE} holds the answer back after the charge
 * @param refundReview how long the processor's manual review holds each new refund ({@code review}) before it
 *                     succeeds; zero (the default): refunds are decided at once
 * @param challengeExpiry how long a new payment's 3DS challenge waits for the shopper before the processor gives
 *                        up on it and fails the payment ({@link #DEFAULT_CHALLENGE_EXPIRY} by default)
 */
public record Simulation(Duration latency, Fault fault, Duration faultDelay, Duration refundReview,
                         Duration challengeExpiry) {

    /** Longer than the usual 30 s client timeouts, so an unconfigured timeout fault really times out. */
    public static final Duration DEFAULT_FAULT_DELAY = Duration.ofSeconds(35);

    /** Caps delays so a typo in metadata cannot park a request for hours. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);

    /**
     * A shopper who has not answered the challenge in 15 minutes has left; the switch's client secret, which the
     * shopper's checkout uses, expires after as long by default. Also the longest allowed: the switch's sync job
     * keeps looking at a payment awaiting its shopper for about half an hour, and so sees every expiry.
     */
    public static final Duration DEFAULT_CHALLENGE_EXPIRY = Duration.ofMinutes(15);

    /** No latency, no fault. */
    public static final Simulation NONE = new Simulation(Duration.ZERO, Fault.NONE, DEFAULT_FAULT_DELAY, Duration.ZERO,
            DEFAULT_CHALLENGE_EXPIRY);

    /** Rejects negative or over-long delays, and a challenge that expires at once or later than the maximum. */
    public Simulation {
        latency = checked(latency == null ? Duration.ZERO : latency, "latency");
        fault = fault == null ? Fault.NONE : fault;
        faultDelay = checked(faultDelay == null ? DEFAULT_FAULT_DELAY : faultDelay, "fault delay");
        refundReview = checked(refundReview == null ? Duration.ZERO : refundReview, "refund review");
        challengeExpiry = challengeExpiry == null ? DEFAULT_CHALLENGE_EXPIRY : challengeExpiry;
        if (!challengeExpiry.isPositive() || challengeExpiry.compareTo(DEFAULT_CHALLENGE_EXPIRY) > 0) {
            throw new IllegalArgumentException("challenge expiry must be more than 0 and at most "
                    + DEFAULT_CHALLENGE_EXPIRY.toMinutes() + " minutes");
        }
    }

    /** This simulation with the given fault. */
    public Simulation withFault(Fault newFault) {
        return new Simulation(latency, newFault, faultDelay, refundReview, challengeExpiry);
    }

    private static Duration checked(Duration delay, String what) {
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException(what + " must be between 0 and " + MAX_DELAY.toMinutes() + " minutes");
        }
        return delay;
    }
}
