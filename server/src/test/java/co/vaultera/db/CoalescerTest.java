package co.vaultera.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CoalescerTest {

    private static final int BAD = 13;
    private static final int DOWN = 66;
    private static final int BLOCKS = 100;

    /** Every batch the statement was given, in order. */
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    /** The thread that ran each batch, in the same order. */
    private final List<Thread> leaders = new CopyOnWriteArrayList<>();
    /** Batches holding {@value #BLOCKS} or more wait here, so that the calls after them pile up. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /**
     * Answers ten times each input; fails the whole batch if it holds {@value #BAD} (as a constraint would) or
     * {@value #DOWN} (as a lost connection would).
     */
    private List<Integer> statement(List<Integer> inputs) {
        leaders.add(Thread.currentThread());
        batches.add(inputs);
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            if (inputs.stream().anyMatch(i -> i >= BLOCKS)) {
                await(release);
            }
            if (inputs.contains(BAD)) {
                throw new DataIntegrityViolationException("bad input " + BAD);
            }
            if (inputs.contains(DOWN)) {
                throw new DataAccessResourceFailureException("database down");
            }
            return inputs.stream().map(i -> i * 10).toList();
        } finally {
            running.decrementAndGet();
        }
    }

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aLoneCallRunsAtOnceAsABatchOfItself() {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 32, 1);
        assertThat(coalescer.call(4)).isEqualTo(40);
        assertThat(batches).containsExactly(List.of(4));
    }

    @Test
    void callsArrivingWhileTheBatchesRunWaitAndThenRunAsOneBatch() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 32, 1);
        List<CompletableFuture<Integer>> later = behindABlockedBatch(coalescer, 1, 2, 3, 4, 5);
        for (int i = 1; i <= 5; i++) {
            assertThat(later.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo(i * 10);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aBatchHoldsAtMostMaxBatchCallsAndItsCallerRunsOneMoreBeforeHandingTheNextToAnother() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 3, 1);
        for (CompletableFuture<Integer> f : behindABlockedBatch(coalescer, 1, 2, 3, 4, 5, 6, 7)) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertThat(batches.stream().map(List::size)).containsExactly(1, 3, 3, 1);
        assertThat(leaders.get(1)).isSameAs(leaders.get(0));
        assertThat(leaders.get(2)).isNotSameAs(leaders.get(1));
        assertThat(leaders.get(3)).isSameAs(leaders.get(2));
    }

    @Test
    void upToMaxRunningBatchesRunAtTheSameTimeAndNoMore() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 32, 2);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        calls.add(callAsync(coalescer, BLOCKS));
        calls.add(callAsync(coalescer, BLOCKS + 1));
        awaitBatches(2);
        calls.add(callAsync(coalescer, 1));
        Thread.sleep(200);
        assertThat(batches).hasSize(2);
        release.countDown();
        for (CompletableFuture<Integer> f : calls) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertThat(mostRunning.get()).isEqualTo(2);
        assertThat(batches).hasSize(3);
    }

    @Test
    void aFailedBatchRunsEachCallAloneSoOnlyTheCallThatCausedItFails() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 32, 1);
        List<CompletableFuture<Integer>> calls = behindABlockedBatch(coalescer, 2, BAD, 3);

        assertThat(calls.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(20);
        assertThat(calls.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(30);
        assertThatThrownBy(() -> calls.get(1).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("bad input");
        assertThat(batches.get(1)).containsExactlyInAnyOrder(2, BAD, 3);
        assertThat(batches.subList(2, batches.size())).containsExactlyInAnyOrder(List.of(2), List.of(BAD), List.of(3));
    }

    @Test
    void aBatchTheDatabaseFailsFailsEveryCallAtOnceWithoutRunningThemAgain() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 32, 1);
        List<CompletableFuture<Integer>> calls = behindABlockedBatch(coalescer, 2, DOWN);

        assertThatThrownBy(() -> calls.get(0).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> calls.get(1).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThat(batches).hasSize(2);
        assertThat(coalescer.call(3)).isEqualTo(30);
    }

    @Test
    void aCallInsideATransactionRunsAloneAtOnceWithoutWaitingForRunningBatches() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 32, 1);
        CompletableFuture<Integer> first = callAsync(coalescer, BLOCKS);
        awaitBatches(1);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(coalescer.call(7)).isEqualTo(70);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(batches).containsExactly(List.of(BLOCKS), List.of(7));
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    @Test
    void withMaxBatchOneEveryCallRunsAloneAtOnce() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 1, 1);
        CompletableFuture<Integer> first = callAsync(coalescer, BLOCKS);
        awaitBatches(1);
        assertThat(coalescer.call(8)).isEqualTo(80);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    @Test
    void manyConcurrentCallsEachGetTheirOwnResult() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(this::statement, 8, 2);
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int input = i % 12;
                calls.add(CompletableFuture.supplyAsync(() -> coalescer.call(input), virtual));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i % 12) * 10);
            }
        }
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(2000);
        assertThat(batches).allSatisfy(b -> assertThat(b.size()).isBetween(1, 8));
        assertThat(mostRunning.get()).isLessThanOrEqualTo(2);
    }

    /**
     * Starts a call whose batch blocks, then calls with {@code inputs} (which must wait behind it), then lets the
     * blocked batch finish; answers the later calls.
     */
    private List<CompletableFuture<Integer>> behindABlockedBatch(Coalescer<Integer, Integer> coalescer, int... inputs)
            throws Exception {
        CompletableFuture<Integer> first = callAsync(coalescer, BLOCKS);
        awaitBatches(1);
        List<CompletableFuture<Integer>> later = new ArrayList<>();
        for (int input : inputs) {
            later.add(callAsync(coalescer, input));
        }
        Thread.sleep(200);
        assertThat(batches).hasSize(1);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(BLOCKS * 10);
        return later;
    }

    private CompletableFuture<Integer> callAsync(Coalescer<Integer, Integer> coalescer, int input) {
        return CompletableFuture.supplyAsync(() -> coalescer.call(input), threads);
    }

    private void awaitBatches(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (batches.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(batches).hasSize(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
