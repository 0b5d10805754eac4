package co.vaultera.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import co.vaultera.sync.StartupResync;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A refund whose scheduled syncs all ended without an answer is left pending until the next start, which schedules
 * it again ({@link StartupResync}; called here as a restart would). Test timings of {@code ApiTestSupport}:
 * connector timeout 2 s, first sync after 1 s, then every 1 s, 4 syncs.
 */
class RefundResyncOnStartupIT extends RefundTestSupport {

    /** The refund's own timeout, then four syncs that each time out after 2 s, 1 s apart: about 15 s. */
    private static final Duration EXHAUSTED = Duration.ofSeconds(45);
    private static final Duration SETTLE = Duration.ofSeconds(15);

    @Autowired
    private StartupResync startup;

    @Test
    void aRefundStillPendingAfterItsLastSyncIsSyncedAgainOnStartAndSettledWithOneProcessorRefund() {
        Shop s = shop();
        String p = paid(s, 1000);
        // Every answer comes after the connector's 2 s timeout: the refund (which the processor records before
        // waiting) and every sync end without an answer.
        simulatorSettings(s, "{\"latency_ms\":2500}");
        String id = text(refunded(s, p, 400L), "refund_id");

        awaitRow(id, EXHAUSTED, row -> ((Number) row.get("sync_count")).intValue() == 4
                && row.get("next_sync_at") == null);
        assertThat(status(retrieveRefund(s, id))).isEqualTo("pending");
        simulatorSettings(s, null);

        assertThat(startup.rescheduleUnsettledRefunds()).isPositive();

        JsonNode settled = awaitRefund(s, id, SETTLE, r -> !"pending".equals(status(r)));
        assertThat(status(settled)).isEqualTo("succeeded");
        assertThat(processorRefunds(p)).isEqualTo(1);
        assertThat(row(id).get("next_sync_at")).isNull();
    }

    private Map<String, Object> row(String refundId) {
        return jdbc.sql("select status, sync_count, next_sync_at from refund where refund_id = ?")
                .param(refundId).query().singleRow();
    }

    /** Reads the refund's row until {@code until} holds, for at most {@code timeout}. */
    private void awaitRow(String refundId, Duration timeout, Predicate<Map<String, Object>> until) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> last = row(refundId);
        while (!until.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("refund %s did not reach the expected state within %s; last read: %s", refundId, timeout, last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = row(refundId);
        }
    }
}
