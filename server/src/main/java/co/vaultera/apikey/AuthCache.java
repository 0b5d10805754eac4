package co.vaultera.apikey;

import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Verified keys, remembered for {@value #TTL_MILLIS} ms so that most requests skip the key lookup. The short life
 * bounds how long a key revoked on another node keeps working; on this node revocation evicts at once.
 *
 * <p>One lookup per key at a time: when an entry runs out, the requests of that key wait for one lookup instead of
 * each making its own (under load they all queue for a database connection, and a queue of lookups would make the
 * queue longer). An entry older than {@value #REFRESH_AFTER_MILLIS} ms is looked up again by the first request that
 * sees it, while the others go on with it, so a busy key never runs out at all.
 */
@Component
public class AuthCache {

    static final long TTL_MILLIS = 2_000;
    static final long REFRESH_AFTER_MILLIS = 1_000;
    private static final int MAX_ENTRIES = 10_000;

    record Entry(String keyId, Instant expiresAt, MerchantContext merchant) {
    }

    /** An entry and when the lookup that produced it started: its age counts from what the database said then. */
    private record Timed(Entry entry, long lookedUpAtMillis) {
    }

    /** A lookup under way, and the eviction count when it started: one that straddles an eviction is not shared. */
    private record Lookup(CompletableFuture<Entry> result, long evictionsBefore) {
    }

    private final ConcurrentHashMap<String, Timed> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Lookup> lookups = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final LongSupplier clock;

    public AuthCache() {
        this(System::currentTimeMillis);
    }

    AuthCache(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * The entry of a hashed key: the cached one while fresh, else what {@code lookup} answers ({@code null}: no such
     * key, not remembered).
     */
    Entry get(String hashedKey, Supplier<Entry> lookup) {
        Timed timed = entries.get(hashedKey);
        long age = timed == null ? Long.MAX_VALUE : clock.getAsLong() - timed.lookedUpAtMillis();
        if (age <= REFRESH_AFTER_MILLIS) {
            return timed.entry();
        }
        Lookup mine = new Lookup(new CompletableFuture<>(), evictions.get());
        Lookup running = lookups.putIfAbsent(hashedKey, mine);
        if (running != null) {
            if (age <= TTL_MILLIS) {
                return timed.entry();
            }
            if (running.evictionsBefore() == evictions.get()) {
                return join(running.result());
            }
            return lookup.get();
        }
        try {
            long startedAt = clock.getAsLong();
            Entry entry = lookup.get();
            if (entry != null && evictions.get() == mine.evictionsBefore()) {
                put(hashedKey, new Timed(entry, startedAt));
            }
            mine.result().complete(entry);
            return entry;
        } catch (RuntimeException | Error e) {
            // Also an Error: the requests waiting for this lookup must not wait forever.
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            lookups.remove(hashedKey, mine);
        }
    }

    private void put(String hashedKey, Timed timed) {
        if (entries.size() >= MAX_ENTRIES) {
            // Crude but bounded: a flood of distinct valid keys only costs us cache hits, never memory.
            entries.clear();
        }
        entries.put(hashedKey, timed);
    }

    private static Entry join(CompletableFuture<Entry> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    void evictKey(String merchantId, String keyId) {
        evictions.incrementAndGet();
        entries.values().removeIf(t -> t.entry().keyId().equals(keyId)
                && t.entry().merchant().merchantId().equals(merchantId));
    }

    /** Drops every cached key of a merchant (merchant deleted). */
    public void evictMerchant(String merchantId) {
        evictions.incrementAndGet();
        entries.values().removeIf(t -> t.entry().merchant().merchantId().equals(merchantId));
    }
}
