package co.vaultera.apikey;

import co.vaultera.common.RecentCache;
import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Verified keys, remembered for {@value #TTL_MILLIS} ms so that most requests skip the key lookup (a
 * {@link RecentCache}: one lookup per key at a time, refreshed after {@value #REFRESH_AFTER_MILLIS} ms). The short
 * life bounds how long a key revoked on another node keeps working; on this node revocation evicts at once.
 */
@Component
public class AuthCache {

    static final long TTL_MILLIS = 2_000;
    static final long REFRESH_AFTER_MILLIS = 1_000;
    private static final int MAX_ENTRIES = 10_000;

    record Entry(String keyId, Instant expiresAt, MerchantContext merchant) {
    }

    private final RecentCache<String, Entry> entries;

    public AuthCache() {
        this(System::currentTimeMillis);
    }

    AuthCache(LongSupplier clock) {
        this.entries = new RecentCache<>(TTL_MILLIS, REFRESH_AFTER_MILLIS, MAX_ENTRIES, clock);
    }

    /**
     * The entry of a hashed key: the cached one while fresh, else what {@code lookup} answers ({@code null}: no such
     * key, not remembered).
     */
    Entry get(String hashedKey, Supplier<Entry> lookup) {
        return entries.get(hashedKey, lookup);
    }

    void evictKey(String merchantId, String keyId) {
        entries.evictIf((hash, e) -> e.keyId().equals(keyId) && e.merchant().merchantId().equals(merchantId));
    }

    /** Drops every cached key of a merchant (merchant deleted). */
    public void evictMerchant(String merchantId) {
        entries.evictIf((hash, e) -> e.merchant().merchantId().equals(merchantId));
    }
}
