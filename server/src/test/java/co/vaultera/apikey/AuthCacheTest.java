package co.vaultera.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.web.auth.MerchantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AuthCache cache = new AuthCache(now::get);
    private final AtomicInteger lookups = new AtomicInteger();

    private static AuthCache.Entry entry(String merchantId, String keyId) {
        return new AuthCache.Entry(keyId, null, new MerchantContext(merchantId, null, null));
    }

    /** A lookup that counts itself and answers the given entry. */
    private Supplier<AuthCache.Entry> counting(AuthCache.Entry answer) {
        return () -> {
            lookups.incrementAndGet();
            return answer;
        };
    }

    @Test
    void aKeyIsLookedUpOnceAndThenServedFromTheCache() {
        AuthCache.Entry e = entry("m1", "k1");
        assertThat(cache.get("h", counting(e))).isEqualTo(e);
        now.addAndGet(AuthCache.REFRESH_AFTER_MILLIS);
        assertThat(cache.get("h", counting(e))).isEqualTo(e);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void anUnknownKeyIsNotRemembered() {
        assertThat(cache.get("h", counting(null))).isNull();
        assertThat(cache.get("h", counting(null))).isNull();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void anEntryPastItsLifeIsLookedUpAgain() {
        cache.get("h", counting(entry("m1", "k1")));
        now.addAndGet(AuthCache.TTL_MILLIS + 1);
        AuthCache.Entry changed = entry("m1", "k2");
        assertThat(cache.get("h", counting(changed))).isEqualTo(changed);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void manyRequestsOfAKeyNotCachedMakeOneLookupAndAllGetItsAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AuthCache.Entry e = entry("m1", "k1");
        Supplier<AuthCache.Entry> slow = () -> {
            lookups.incrementAndGet();
            await(release);
            return e;
        };
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<AuthCache.Entry>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(threads.submit(() -> cache.get("h", slow)));
            }
            waitUntil(() -> lookups.get() == 1);
            Thread.sleep(100); // the other 15 have had time to start a lookup of their own, if they would
            release.countDown();
            for (Future<AuthCache.Entry> answer : answers) {
                assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(e);
            }
        }
        assertThat(lookups).hasValue(1);
    }

    @Test
    void anEntryDueForRefreshIsServedWhileOneRequestLooksItUpAgain() throws Exception {
        AuthCache.Entry old = entry("m1", "k1");
        AuthCache.Entry fresh = entry("m1", "k2");
        cache.get("h", counting(old));
        now.addAndGet(AuthCache.REFRESH_AFTER_MILLIS + 1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<AuthCache.Entry> refresher = threads.submit(() -> cache.get("h", () -> {
                lookups.incrementAndGet();
                await(release);
                return fresh;
            }));
            waitUntil(() -> lookups.get() == 2);
            assertThat(cache.get("h", counting(fresh))).as("served while the refresh runs").isEqualTo(old);
            release.countDown();
            assertThat(refresher.get(5, TimeUnit.SECONDS)).isEqualTo(fresh);
        }
        assertThat(cache.get("h", counting(old))).isEqualTo(fresh);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void anAnswerLookedUpAcrossARevocationIsNotCached() {
        AuthCache.Entry e = entry("m1", "k1");
        assertThat(cache.get("h", () -> {
            lookups.incrementAndGet();
            cache.evictKey("m1", "k1"); // the key is revoked while its lookup is under way
            return e;
        })).isEqualTo(e);
        cache.get("h", counting(null));
        assertThat(lookups).as("the next request looks the key up again").hasValue(2);
    }

    @Test
    void evictingAMerchantDropsItsKeysOnly() {
        cache.get("h1", counting(entry("m1", "k1")));
        cache.get("h2", counting(entry("m2", "k2")));
        cache.evictMerchant("m1");
        cache.get("h1", counting(null));
        cache.get("h2", counting(null));
        assertThat(lookups).hasValue(3);
    }

    static List<Throwable> failures() {
        return List.of(new IllegalStateException("database down"), new StackOverflowError("lookup died"));
    }

    /** Also an Error: without it reaching them, the requests waiting for the lookup would wait forever. */
    @ParameterizedTest
    @MethodSource("failures")
    void aFailedLookupReachesEveryRequestWaitingForItAndIsNotRemembered(Throwable failure) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<AuthCache.Entry> failing = () -> {
            lookups.incrementAndGet();
            await(release);
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        };
        // Not closed with try-with-resources: close() would wait for a request that never gets its answer.
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<AuthCache.Entry> first = threads.submit(() -> cache.get("h", failing));
            waitUntil(() -> lookups.get() == 1);
            Future<AuthCache.Entry> second = threads.submit(() -> cache.get("h", failing));
            Thread.sleep(100);
            release.countDown();
            for (Future<AuthCache.Entry> f : List.of(first, second)) {
                assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause().isSameAs(failure);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(lookups).hasValue(1);
        AuthCache.Entry e = entry("m1", "k1");
        assertThat(cache.get("h", counting(e))).isEqualTo(e);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 5 s");
            }
            Thread.sleep(5);
        }
    }
}
