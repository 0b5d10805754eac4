package co.vaultera.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a database lookup answered, remembered for a short time so that most requests skip it. The short life bounds
 * how long a change made on another node goes unseen here; a change made on this node evicts at once.
 *
 * <p>One lookup per key at a time: when an entry runs out, the requests of that key wait for one lookup instead of
 * each making its own (under load they all queue for a database connection, and a queue of lookups would make the
 * queue longer). An entry older than the refresh age is looked up again by the first request that sees it, while
 * the others go on with it, so a busy key never runs out at all.
 *
 * @param <K> the key
 * @param <V> what the lookup answers; {@code null} means "nothing there" and is not remembered
 */
public final class RecentCache<K, V> {

    /** A value and when the lookup that produced it started: its age counts from what the database said then. */
    private record Timed<V>(V value, long lookedUpAtMillis) {
    }

    /** A lookup under way, and the eviction count when it started: one that straddles an eviction is not shared. */
    private record Lookup<V>(CompletableFuture<V> result, long evictionsBefore) {
    }

    private final long ttlMillis;
    private final long refreshAfterMillis;
    private final int maxEntries;
    private final LongSupplier clock;
    private final ConcurrentHashMap<K, Timed<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, Lookup<V>> lookups = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();

    /**
     * @param ttlMillis          the longest an entry is answered without a new lookup
     * @param refreshAfterMillis the age from which the first request to see an entry looks it up again
     * @param maxEntries         the bound on memory: at this many entries the cache starts over
     * @param clock              milliseconds, for tests
     */
    public RecentCache(long ttlMillis, long refreshAfterMillis, int maxEntries, LongSupplier clock) {
        this.ttlMillis = ttlMillis;
        this.refreshAfterMillis = refreshAfterMillis;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The value of {@code key}: the remembered one while fresh, else what {@code lookup} answers. */
    public V get(K key, Supplier<V> lookup) {
        Timed<V> timed = entries.get(key);
        long age = timed == null ? Long.MAX_VALUE : clock.getAsLong() - timed.lookedUpAtMillis();
        if (age <= refreshAfterMillis) {
            return timed.value();
        }
        Lookup<V> mine = new Lookup<>(new CompletableFuture<>(), evictions.get());
        Lookup<V> running = lookups.putIfAbsent(key, mine);
        if (running != null) {
            if (age <= ttlMillis) {
                return timed.value();
            }
            if (running.evictionsBefore() == evictions.get()) {
                return join(running.result());
            }
            return lookup.get();
        }
        try {
            long startedAt = clock.getAsLong();
            V value = lookup.get();
            if (value != null && evictions.get() == mine.evictionsBefore()) {
                put(key, new Timed<>(value, startedAt));
            }
            mine.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            // Also an Error: the requests waiting for this lookup must not wait forever.
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            lookups.remove(key, mine);
        }
    }

    /**
     * Forgets the entries {@code which} picks. Call it after the change is committed: a lookup that ran before
     * (or across) this call is then neither kept nor shared.
     */
    public void evictIf(BiPredicate<K, V> which) {
        evictions.incrementAndGet();
        entries.entrySet().removeIf(e -> which.test(e.getKey(), e.getValue().value()));
    }

    private void put(K key, Timed<V> timed) {
        if (entries.size() >= maxEntries) {
            // Crude but bounded: a flood of distinct keys only costs us cache hits, never memory.
            entries.clear();
        }
        entries.put(key, timed);
    }

    private static <V> V join(CompletableFuture<V> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
