package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.common.ApiException;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.refund.RefundRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever sequence of captures, partial and full refunds, racing refunds and processor failures
 * happens, Σ(refunds not failed) ≤ captured ≤ authorized at every step. Drives the production money rules
 * ({@link CaptureRules}, {@link RefundRules}) and the production booking of processor answers
 * ({@link PaymentOutcomes#settle}); racing refunds are applied in a random order, as the payment row lock
 * serialises them. The seed is printed on failure; rerun with {@code -Dproperty.seed=…}.
 */
class MoneyInvariantPropertyTest {

    private static final int SEQUENCES = 10_000;
    private static final int MAX_STEPS = 25;

    private enum Op { CAPTURE, CAPTURE_FAILS, PARTIAL_REFUND, FULL_REFUND, RACING_REFUNDS, REFUND_PENDING,
        PENDING_REFUND_FAILS, PENDING_REFUND_SUCCEEDS }

    private static final class Ledger {
        final long authorized;
        PaymentAttempt attempt;
        final List<long[]> refunds = new ArrayList<>(); // {amount, state: 0 pending, 1 succeeded, 2 failed}

        Ledger(long authorized, String captureMethod) {
            this.authorized = authorized;
            Instant now = Instant.now();
            this.attempt = new PaymentAttempt("pay_x_1", "pay_x", AttemptStatus.AUTHORIZED, "simulator", "mca_x",
                    authorized, "USD", captureMethod, "no_three_ds", authorized, 0, "sim_x", null, null, null, null,
                    "card", "credit", 0, now, now);
        }

        long refunded() {
            return refunds.stream().filter(r -> r[1] != 2).mapToLong(r -> r[0]).sum();
        }

        void refund(Long requested, int outcome) {
            long amount = RefundRules.amountToRefund(attempt.amountCaptured(), refunded(), refunds.size(), requested);
            refunds.add(new long[] {amount, outcome});
        }

        void capture(Long requested, boolean processorAccepts) {
            long amount = CaptureRules.amountToCapture(attempt.amountCapturable(), requested);
            if (!processorAccepts) {
                return;
            }
            long capturedAfter = attempt.amountCaptured() + amount;
            AttemptStatus status = capturedAfter == authorized ? AttemptStatus.CHARGED
                    : "manual_multiple".equals(attempt.captureMethod()) ? AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE
                    : AttemptStatus.PARTIAL_CHARGED;
            attempt = PaymentOutcomes.settle(attempt, PaymentResult.of(status, "sim_x"), amount);
        }

        void checkInvariant(long seed, int sequence, int step) {
            String where = "seed " + seed + ", sequence " + sequence + ", step " + step;
            assertThat(refunded()).as("refunded ≤ captured at %s", where).isLessThanOrEqualTo(attempt.amountCaptured());
            assertThat(attempt.amountCaptured()).as("captured ≤ authorized at %s", where).isLessThanOrEqualTo(authorized);
            assertThat(attempt.amountCapturable()).as("capturable ≥ 0 at %s", where).isNotNegative();
            assertThat(attempt.amountCaptured() + attempt.amountCapturable()).as("captured + capturable ≤ authorized at %s", where)
                    .isLessThanOrEqualTo(authorized);
        }
    }

    @Test
    void refundsNeverExceedCapturedAndCapturedNeverExceedsAuthorized() {
        long seed = Long.getLong("property.seed", System.nanoTime());
        Random random = new Random(seed);
        int rejected = 0;
        int applied = 0;
        try {
            for (int sequence = 0; sequence < SEQUENCES; sequence++) {
                long authorized = random.nextInt(4) == 0 ? 1 + random.nextInt(999_999_999) : 1 + random.nextInt(5000);
                Ledger ledger = new Ledger(authorized, random.nextBoolean() ? "manual" : "manual_multiple");
                int steps = 1 + random.nextInt(MAX_STEPS);
                for (int step = 0; step < steps; step++) {
                    Op op = Op.values()[random.nextInt(Op.values().length)];
                    try {
                        apply(ledger, op, random);
                        applied++;
                    } catch (ApiException refusedByTheRules) {
                        rejected++;
                    }
                    ledger.checkInvariant(seed, sequence, step);
                }
            }
        } catch (AssertionError e) {
            throw new AssertionError("property failed with seed " + seed + ": " + e.getMessage(), e);
        }
        // Both paths must be exercised, or the property says nothing.
        assertThat(applied).isGreaterThan(SEQUENCES);
        assertThat(rejected).isGreaterThan(SEQUENCES / 10);
    }

    private static void apply(Ledger l, Op op, Random random) {
        switch (op) {
            case CAPTURE -> l.capture(random.nextBoolean() ? null : amountAround(l.attempt.amountCapturable(), random),
                    true);
            case CAPTURE_FAILS -> l.capture(amountAround(l.attempt.amountCapturable(), random), false);
            case PARTIAL_REFUND -> l.refund(amountAround(l.attempt.amountCaptured() - l.refunded(), random), 1);
            case FULL_REFUND -> l.refund(null, 1);
            case REFUND_PENDING -> l.refund(amountAround(l.attempt.amountCaptured() - l.refunded(), random), 0);
            case RACING_REFUNDS -> {
                // N requests arrive together; the row lock lets them through one at a time, in any order.
                List<Long> racing = new ArrayList<>();
                int n = 2 + random.nextInt(19);
                for (int i = 0; i < n; i++) {
                    racing.add(random.nextBoolean() ? null : amountAround(l.attempt.amountCaptured(), random));
                }
                Collections.shuffle(racing, random);
                for (Long amount : racing) {
                    try {
                        l.refund(amount, random.nextInt(3));
                    } catch (ApiException refused) {
                        // the loser of the race is refused; the winners stay within the captured amount
                    }
                }
            }
            case PENDING_REFUND_FAILS -> l.refunds.stream().filter(r -> r[1] == 0).findFirst().ifPresent(r -> r[1] = 2);
            case PENDING_REFUND_SUCCEEDS -> l.refunds.stream().filter(r -> r[1] == 0).findFirst()
                    .ifPresent(r -> r[1] = 1);
        }
    }

    /** Mostly amounts that fit, sometimes just over, zero or negative: the edges are where bugs live. */
    private static long amountAround(long available, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> available;
            case 1 -> available + 1;
            case 2 -> 0;
            case 3 -> -1 - random.nextInt(10);
            default -> available <= 1 ? 1 : 1 + (long) (random.nextDouble() * available);
        };
    }
}
