package co.vaultera.apikey;

import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Verified keys, remembered for {@value #TTL_MILLIS} ms so that most requests skip the key lookup. The short life
 * bounds how long a key revoked on another node keeps working; on this node revocation evicts at once.
 */
@Component
public class AuthCache {

    static final long TTL_MILLIS = 2_000;
    private static final int MAX_ENTRIES = 10_000;

    record Entry(String keyId, Instant expiresAt, MerchantContext merchant) {
    }

    private record Timed(Entry entry, long cachedAtMillis) {
    }

    private final ConcurrentHashMap<String, Timed> entries = new ConcurrentHashMap<>();

    Entry get(String hashedKey) {
        Timed timed = entries.get(hashedKey);
        if (timed == null) {
            return null;
        }
        if (System.currentTimeMillis() - timed.cachedAtMillis() > TTL_MILLIS) {
            entries.remove(hashedKey, timed);
            return null;
        }
        return timed.entry();
    }

    void put(String hashedKey, Entry entry) {
        if (entries.size() >= MAX_ENTRIES) {
            // Crude but bounded: a flood of distinct valid keys only costs us cache hits, never memory.
            entries.clear();
        }
        entries.put(hashedKey, new Timed(entry, System.currentTimeMillis()));
    }

    void evictKey(String merchantId, String keyId) {
        entries.values().removeIf(t -> t.entry().keyId().equals(keyId)
                && t.entry().merchant().merchantId().equals(merchantId));
    }

    /** Drops every cached key of a merchant (merchant deleted). */
    public void evictMerchant(String merchantId) {
        entries.values().removeIf(t -> t.entry().merchant().merchantId().equals(merchantId));
    }
}
