package co.vaultera.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each request on an idle platform thread of a small pool if there is one, else on a new virtual thread.
 *
 * <p>Why both: a platform thread waits for a socket (the database, a processor, the in-process simulator) in one
 * blocking system call, while a virtual thread unmounts, is woken by a poller and is scheduled again: on the 2-core
 * VM platform threads gave 20-40 % more payments per second at 1 and 8 in flight (bench/README.md). But a payment
 * holds its thread for as long as the processor takes, and with thousands waiting on slow processors a thread each
 * (4,000 with the in-process simulator's side) cost more than the waits saved.
 * So the common case, fewer requests in flight than the pool has threads, gets platform threads; a burst beyond
 * that still gets a thread per request, a virtual one, instead of a queue or a refusal.
 *
 * <p>The pool hands a request only to a thread already waiting for one (a {@link SynchronousQueue}); a request
 * that finds none takes a virtual thread at once, so nothing ever waits behind a busy pool.
 */
public final class PlatformFirstExecutor extends AbstractExecutorService {

    private final ThreadPoolExecutor platform;
    private final ExecutorService virtual;
    private final AtomicLong overflow = new AtomicLong();

    /**
     * @param platformThreads the pool's size: enough for the requests usually in flight (each payment holds one for
     *                        the merchant's request and, with the in-process simulator, briefly one for its
     *                        side); 0 runs every request on a virtual thread
     * @param namePrefix      thread names, for thread dumps
     */
    public PlatformFirstExecutor(int platformThreads, String namePrefix) {
        if (platformThreads < 0) {
            throw new IllegalArgumentException("platformThreads must not be negative");
        }
        // Threads are started as needed up to the size and kept: an idle one costs a parked thread, nothing more.
        this.platform = platformThreads == 0 ? null : new ThreadPoolExecutor(platformThreads, platformThreads, 0,
                TimeUnit.SECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().name(namePrefix, 0).daemon(true).factory(), (task, pool) -> {
                    throw new RejectedExecutionException("no idle platform thread");
                });
        this.virtual = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(namePrefix + "v-", 0).factory());
    }

    @Override
    public void execute(Runnable task) {
        if (platform != null) {
            try {
                platform.execute(task);
                return;
            } catch (RejectedExecutionException busy) {
                if (platform.isShutdown()) {
                    throw busy;
                }
            }
        }
        virtual.execute(task);
        overflow.incrementAndGet();
    }

    /** How many requests so far found every platform thread busy and ran on a virtual thread. */
    public long overflowCount() {
        return overflow.get();
    }

    @Override
    public void shutdown() {
        pools().forEach(ExecutorService::shutdown);
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> pending = new ArrayList<>();
        pools().forEach(pool -> pending.addAll(pool.shutdownNow()));
        return pending;
    }

    @Override
    public boolean isShutdown() {
        return pools().stream().allMatch(ExecutorService::isShutdown);
    }

    @Override
    public boolean isTerminated() {
        return pools().stream().allMatch(ExecutorService::isTerminated);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (ExecutorService pool : pools()) {
            if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    private List<ExecutorService> pools() {
        return platform == null ? List.of(virtual) : List.of(platform, virtual);
    }
}
