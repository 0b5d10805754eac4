package co.vaultera.connector.simulator;

import co.vaultera.connector.spi.CaptureMethod;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The simulated processor's engine: in memory, thread-safe, no Spring. Its HTTP face is
 * {@link SimulatorApiServlet}; tests may also drive it directly.
 *
 * <p>{@code account} parameters are opaque owner keys (the controller passes a hash of the API key): one account
 * never sees another's payments, idempotency keys or references. State is kept for {@link #DEFAULT_RETENTION} and
 * then purged lazily on later calls.
 */
public final class SimulatorProcessor {

    /** How long payments, refunds and idempotency keys are kept (reference: 48 h). */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(48);

    private static final Duration MAX_PURGE_INTERVAL = Duration.ofMinutes(10);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** What the processor did, for tests that assert "exactly one charge". Idempotent replays are not counted. */
    public enum Operation {
        /** A payment object created (approved, declined or awaiting 3DS). */
        AUTHORIZE,
        CAPTURE,
        VOID,
        /** A refund object created, failed ones included. */
        REFUND,
        /** A 3DS challenge completed or rejected. */
        CHALLENGE
    }

    /** Waits; replaced in unit tests so delays are recorded instead of slept. */
    @FunctionalInterface
    public interface Sleeper {
        /** Blocks the calling thread for {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration retention;
    private final Map<String, SimulatorPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, StoredRefund> refunds = new ConcurrentHashMap<>();
    private final IdempotencyStore idempotency;
    private final Map<String, Tally> counters = new ConcurrentHashMap<>();
    /** account|reference to the latest payment or refund id, so lookups after a timeout need no scan. */
    private final Map<String, String> paymentsByReference = new ConcurrentHashMap<>();
    private final Map<String, String> refundsByReference = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastPurge;

    /** A processor on the system clock that really sleeps, keeping state for 48 h. */
    public SimulatorProcessor() {
        this(Clock.systemUTC(), duration -> Thread.sleep(duration), DEFAULT_RETENTION);
    }

    /**
     * @param clock     the processor's time, for creation stamps and retention
     * @param sleeper   how latency and fault delays are waited out
     * @param retention how long state is kept; at least 48 h outside tests
     */
    public SimulatorProcessor(Clock clock, Sleeper sleeper, Duration retention) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.retention = retention;
        this.idempotency = new IdempotencyStore(clock);
        this.lastPurge = new AtomicReference<>(clock.instant());
    }

    /**
     * Authorizes a card payment following {@link SimulatorCards}. Declines return a {@link SimulatorPaymentStatus#FAILED}
     * payment; they are not exceptions.
     *
     * @throws SimulatorException 400 for an invalid request, 500 for {@link Fault#PROCESSOR_ERROR}
     */
    public PaymentView authorize(String account, AuthorizeCommand command, Simulation simulation) {
        validate(command);
        purgeIfDue();
        CardBehaviour behaviour = SimulatorCards.behaviourOf(command.card().number());
        Simulation effective = simulation.fault() == Fault.NONE ? simulation.withFault(behaviour.fault()) : simulation;
        String fingerprint = command.reference() + '|' + command.amount() + '|' + command.currency() + '|'
                + command.captureMethod() + '|' + command.card().bin() + command.card().last4();
        return perform(account, Operation.AUTHORIZE, command.idempotencyKey(), fingerprint, effective,
                () -> createPayment(account, command, behaviour, simulation.challengeExpiry()));
    }

    /**
     * Captures part or all of what is capturable.
     *
     * @throws SimulatorException 404 unknown payment, 409 not capturable, 400 amount not positive or above capturable
     */
    public PaymentView capture(String account, String paymentId, long amount, String idempotencyKey,
                               Simulation simulation) {
        SimulatorPayment payment = owned(account, paymentId);
        return perform(account, Operation.CAPTURE, idempotencyKey, paymentId + '|' + amount, simulation, () -> {
            PaymentView view = payment.capture(amount);
            record(Operation.CAPTURE, payment.reference());
            return view;
        });
    }

    /**
     * Voids an authorization (or releases the rest after partial captures).
     *
     * @throws SimulatorException 404 unknown payment, 409 nothing to void
     */
    public PaymentView voidPayment(String account, String paymentId, String idempotencyKey, Simulation simulation) {
        SimulatorPayment payment = owned(account, paymentId);
        return perform(account, Operation.VOID, idempotencyKey, paymentId, simulation, () -> {
            PaymentView view = payment.voidPayment();
            record(Operation.VOID, payment.reference());
            return view;
        });
    }

    /**
     * Refunds at once while the captured amount covers it; otherwise the refund is created {@code failed}
     * ("refund amount exceeds payment amount"). With a {@linkplain Simulation#refundReview() refund review} a
     * refund that fits is created {@code review} (its amount already held) and succeeds once the review time has
     * passed, as lookups show.
     *
     * @throws SimulatorException 404 unknown payment, 400 nothing captured or amount not positive
     */
    public RefundView refund(String account, String paymentId, long amount, String reference, String idempotencyKey,
                             Simulation simulation) {
        SimulatorPayment payment = owned(account, paymentId);
        String fingerprint = paymentId + '|' + amount + '|' + reference;
        return perform(account, Operation.REFUND, idempotencyKey, fingerprint, simulation, () -> {
            boolean fits = payment.reserveRefund(amount) >= 0;
            PaymentView paid = payment.view();
            boolean review = fits && simulation.refundReview().isPositive();
            Instant now = clock.instant();
            RefundView refund = new RefundView(newId("sim_ref_"), paymentId, reference, amount, paid.currency(),
                    !fits ? SimulatorRefundStatus.FAILED
                            : review ? SimulatorRefundStatus.REVIEW : SimulatorRefundStatus.SUCCEEDED,
                    fits ? null : "refund_amount_exceeds_payment_amount",
                    fits ? null : "refund amount exceeds payment amount", now);
            refunds.put(refund.id(), new StoredRefund(account, refund,
                    review ? now.plus(simulation.refundReview()) : null));
            if (reference != null) {
                refundsByReference.put(account + '|' + reference, refund.id());
            }
            record(Operation.REFUND, payment.reference());
            return refund;
        });
    }

    /** A payment by the processor's id. @throws SimulatorException 404 */
    public PaymentView payment(String account, String paymentId, Simulation simulation) {
        PaymentView view = owned(account, paymentId).view();
        pause(simulation.latency());
        return view;
    }

    /**
     * The latest payment created with the caller's reference: how a caller whose authorize timed out finds out
     * what happened. @throws SimulatorException 404 when the processor never recorded one
     */
    public PaymentView paymentByReference(String account, String reference, Simulation simulation) {
        String id = paymentsByReference.get(account + '|' + reference);
        SimulatorPayment payment = id == null ? null : payments.get(id);
        if (payment == null) {
            throw SimulatorException.notFound("payment with reference " + reference);
        }
        PaymentView view = payment.view();
        pause(simulation.latency());
        return view;
    }

    /** A refund by the processor's id. @throws SimulatorException 404 */
    public RefundView refund(String account, String refundId, Simulation simulation) {
        StoredRefund stored = refunds.get(refundId);
        if (stored == null || !stored.account().equals(account)) {
            throw SimulatorException.notFound("refund " + refundId);
        }
        pause(simulation.latency());
        return stored.asOf(clock.instant());
    }

    /** The latest refund created with the caller's reference. @throws SimulatorException 404 */
    public RefundView refundByReference(String account, String reference, Simulation simulation) {
        String id = refundsByReference.get(account + '|' + reference);
        StoredRefund stored = id == null ? null : refunds.get(id);
        if (stored == null) {
            throw SimulatorException.notFound("refund with reference " + reference);
        }
        pause(simulation.latency());
        return stored.asOf(clock.instant());
    }

    /** A payment for the 3DS page, which the shopper's browser opens without the merchant's API key. */
    public Optional<PaymentView> challenge(String paymentId) {
        SimulatorPayment payment = payments.get(paymentId);
        return payment == null ? Optional.empty() : Optional.of(payment.view());
    }

    /**
     * Applies the shopper's 3DS choice; once decided, later choices change nothing.
     *
     * @throws SimulatorException 404 unknown payment
     */
    public PaymentView completeChallenge(String paymentId, boolean approved) {
        SimulatorPayment payment = payments.get(paymentId);
        if (payment == null) {
            throw SimulatorException.notFound("payment " + paymentId);
        }
        boolean pending = payment.view().status() == SimulatorPaymentStatus.REQUIRES_ACTION;
        PaymentView view = payment.completeChallenge(approved, newNetworkId());
        if (pending && view.status() != SimulatorPaymentStatus.REQUIRES_ACTION) {
            record(Operation.CHALLENGE, payment.reference());
        }
        return view;
    }

    /** How many payment objects were created with this reference. */
    public long authorizeCount(String reference) {
        return count(Operation.AUTHORIZE, reference);
    }

    /** How many times {@code operation} was performed for payments with this reference. */
    public long count(Operation operation, String reference) {
        Tally tally = counters.get(operation + "|" + reference);
        return tally == null ? 0 : tally.count.sum();
    }

    /** How many times {@code operation} was performed in all. */
    public long count(Operation operation) {
        Tally tally = counters.get(operation.name());
        return tally == null ? 0 : tally.count.sum();
    }

    /**
     * Runs a state-changing operation with faults, idempotency and latency. A processor error happens before
     * anything is done; the timeout fault after the operation is recorded, so the caller times out on a charge
     * that exists. A replayed key returns the first answer after the plain latency, without the fault delay.
     */
    private <T> T perform(String account, Operation operation, String idempotencyKey, String fingerprint,
                          Simulation simulation, Supplier<T> action) {
        if (simulation.fault() == Fault.PROCESSOR_ERROR) {
            pause(simulation.latency());
            throw new SimulatorException(500, "processor_error",
                    "Internal Server Error from Connector, Please try again later");
        }
        IdempotencyStore.Replay<T> replay = idempotencyKey == null || idempotencyKey.isBlank()
                ? new IdempotencyStore.Replay<>(action.get(), false)
                : idempotency.run(account + '|' + operation + '|' + idempotencyKey, fingerprint, action);
        pause(simulation.latency());
        if (!replay.replayed() && simulation.fault() == Fault.TIMEOUT_AFTER_CHARGE) {
            pause(simulation.faultDelay());
        }
        return replay.value();
    }

    private PaymentView createPayment(String account, AuthorizeCommand command, CardBehaviour behaviour,
                                      Duration challengeExpiry) {
        SimulatorPayment payment = new SimulatorPayment(newId("sim_pay_"), account, command, clock);
        PaymentView view = switch (behaviour) {
            case SUCCESS, PROCESSOR_ERROR, TIMEOUT_AFTER_CHARGE -> payment.approve(newNetworkId());
            case CHALLENGE -> payment.requireAction(challengeExpiry);
            case DECLINED, INSUFFICIENT_FUNDS, LOST_CARD, STOLEN_CARD, NOT_SUPPORTED ->
                    payment.decline(behaviour.declineCode(), behaviour.declineMessage());
        };
        payments.put(payment.id(), payment);
        paymentsByReference.put(account + '|' + command.reference(), payment.id());
        record(Operation.AUTHORIZE, command.reference());
        return view;
    }

    private void validate(AuthorizeCommand command) {
        if (command.reference() == null || command.reference().isBlank()) {
            throw SimulatorException.invalid("parameter_missing", "reference is required");
        }
        if (command.amount() < 0) {
            throw SimulatorException.invalid("invalid_amount", "amount must not be negative");
        }
        if (command.currency() == null || !CURRENCY.matcher(command.currency()).matches()) {
            throw SimulatorException.invalid("invalid_currency", "currency must be an ISO 4217 code");
        }
        CaptureMethod method = command.captureMethod();
        if (method != CaptureMethod.AUTOMATIC && method != CaptureMethod.MANUAL
                && method != CaptureMethod.MANUAL_MULTIPLE) {
            throw SimulatorException.invalid("capture_method_not_supported",
                    "capture_method must be automatic, manual or manual_multiple");
        }
        if (command.card() == null) {
            throw SimulatorException.invalid("parameter_missing", "card is required");
        }
        if (SimulatorCards.behaviourOf(command.card().number()) == CardBehaviour.CHALLENGE
                && !isAbsoluteHttpUrl(command.returnUrl())) {
            throw SimulatorException.invalid("parameter_missing",
                    "return_url (absolute http or https URL) is required for 3DS cards");
        }
    }

    private static boolean isAbsoluteHttpUrl(String url) {
        try {
            URI uri = url == null ? null : new URI(url);
            return uri != null && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private SimulatorPayment owned(String account, String paymentId) {
        SimulatorPayment payment = paymentId == null ? null : payments.get(paymentId);
        if (payment == null || !payment.account().equals(account)) {
            throw SimulatorException.notFound("payment " + paymentId);
        }
        return payment;
    }

    private void record(Operation operation, String reference) {
        Instant now = clock.instant();
        counters.computeIfAbsent(operation.name(), k -> new Tally()).add(now);
        counters.computeIfAbsent(operation + "|" + reference, k -> new Tally()).add(now);
    }

    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A quarter of the retention, at most 10 minutes: a short retention (long load tests) is honoured in time. */
    private Duration purgeInterval() {
        Duration quarter = retention.dividedBy(4);
        return quarter.compareTo(MAX_PURGE_INTERVAL) < 0 ? quarter : MAX_PURGE_INTERVAL;
    }

    /** Drops state older than the retention period, at most once per interval, on the caller's thread. */
    private void purgeIfDue() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(purgeInterval())) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        Instant cutoff = now.minus(retention);
        payments.values().removeIf(p -> p.created().isBefore(cutoff));
        refunds.values().removeIf(r -> r.refund().created().isBefore(cutoff));
        idempotency.purgeBefore(cutoff);
        paymentsByReference.values().removeIf(id -> !payments.containsKey(id));
        refundsByReference.values().removeIf(id -> !refunds.containsKey(id));
        // Totals (keys without '|') stay; per-reference counts go with their payments.
        counters.entrySet().removeIf(e -> e.getKey().indexOf('|') >= 0 && e.getValue().touched.isBefore(cutoff));
    }

    /**
     * The processor's references are not secrets (nothing is authorized by knowing one), so they come from a
     * per-thread generator: a shared SecureRandom is one lock for every payment in flight.
     */
    private static String newId(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static String newNetworkId() {
        return String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    }

    /** A counter that remembers when it last moved, so per-reference counts can be purged with their payments. */
    private static final class Tally {
        private final LongAdder count = new LongAdder();
        private volatile Instant touched = Instant.MIN;

        void add(Instant now) {
            count.increment();
            touched = now;
        }
    }

    /** @param reviewEnds when a refund held for review succeeds, else {@code null} */
    private record StoredRefund(String account, RefundView refund, Instant reviewEnds) {

        RefundView asOf(Instant now) {
            if (reviewEnds == null || now.isBefore(reviewEnds)) {
                return refund;
            }
            return new RefundView(refund.id(), refund.paymentId(), refund.reference(), refund.amount(),
                    refund.currency(), SimulatorRefundStatus.SUCCEEDED, null, null, refund.created());
        }
    }
}
