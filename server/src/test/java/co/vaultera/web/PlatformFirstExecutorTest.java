package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlatformFirstExecutorTest {

    private PlatformFirstExecutor executor;

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTaskRunsOnAPlatformThreadOfThePoolWhenOneIsFree() throws Exception {
        executor = new PlatformFirstExecutor(2, "test-");

        Thread ran = runOn(executor);

        assertThat(ran.isVirtual()).isFalse();
        assertThat(ran.getName()).startsWith("test-");
        assertThat(executor.overflowCount()).isZero();
    }

    @Test
    void aTaskThatFindsEveryPlatformThreadBusyRunsAtOnceOnAVirtualThread() throws Exception {
        executor = new PlatformFirstExecutor(2, "test-");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            executor.execute(() -> {
                busy.countDown();
                await(release);
            });
        }
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

        // Neither queued behind the two blocked tasks nor refused: it completes while they still hold the pool.
        Thread ran = runOn(executor);

        assertThat(ran.isVirtual()).isTrue();
        assertThat(executor.overflowCount()).isEqualTo(1);
        release.countDown();
    }

    @Test
    void withNoPlatformThreadsEveryTaskRunsOnAVirtualThread() throws Exception {
        executor = new PlatformFirstExecutor(0, "test-");

        assertThat(runOn(executor).isVirtual()).isTrue();
        assertThat(runOn(executor).isVirtual()).isTrue();
    }

    @Test
    void aShutDownExecutorRefusesNewTasksInsteadOfRunningThemOnVirtualThreads() {
        executor = new PlatformFirstExecutor(1, "test-");
        executor.shutdown();

        assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(executor.overflowCount()).isZero();
    }

    @Test
    void aNegativePoolSizeIsRefused() {
        executor = new PlatformFirstExecutor(0, "test-");

        assertThatThrownBy(() -> new PlatformFirstExecutor(-1, "test-"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Thread runOn(PlatformFirstExecutor executor) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        executor.execute(() -> thread.complete(Thread.currentThread()));
        return thread.get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
