package co.vaultera.connector.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The processor's idempotency keys: the first call with a key acts, every later (or concurrent) call with the same
 * key and parameters gets the first answer. Calls that failed left nothing behind, so their key may act again.
 */
final class IdempotencyStore {

    private final Clock clock;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    IdempotencyStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param slot        the key, already scoped by account and operation
     * @param fingerprint the parameters that must match for a replay
     * @throws SimulatorException 400 when the key was used with other parameters
     */
    @SuppressWarnings("unchecked")
    <T> Replay<T> run(String slot, String fingerprint, Supplier<T> action) {
        Call mine = new Call(fingerprint, new CompletableFuture<>(), clock.instant());
        Call first = calls.putIfAbsent(slot, mine);
        if (first != null) {
            if (!first.fingerprint().equals(fingerprint)) {
                throw SimulatorException.invalid("idempotency_key_reused",
                        "This idempotency key was already used with different parameters");
            }
            try {
                // Concurrent callers with one key wait for the first one instead of acting twice.
                return new Replay<>((T) first.result().join(), true);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            T value = action.get();
            mine.result().complete(value);
            return new Replay<>(value, false);
        } catch (RuntimeException e) {
            calls.remove(slot, mine);
            mine.result().completeExceptionally(e);
            throw e;
        }
    }

    void purgeBefore(Instant cutoff) {
        calls.values().removeIf(call -> call.created().isBefore(cutoff));
    }

    /** An answer and whether it was replayed from an earlier call. */
    record Replay<T>(T value, boolean replayed) {
    }

    private record Call(String fingerprint, CompletableFuture<Object> result, Instant created) {
    }
}
