package co.vaultera.refund;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.payment.PaymentSettings;
import co.vaultera.sync.StartupResync;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A refund whose scheduled syncs all ended without an answer is left pending, parked, until the next start, which
 * schedules it again ({@link StartupResync}; called here as a restart would). Test timings of {@code ApiTestSupport}:
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

        poll("refund " + id, EXHAUSTED, () -> row(id), row -> ((Number) row.get("sync_count")).intValue() == 4
                && parked(row));
        assertThat(status(retrieveRefund(s, id))).isEqualTo("pending");
        simulatorSettings(s, null);

        assertThat(startup.rescheduleUnsettledRefunds()).isPositive();

        JsonNode settled = awaitRefund(s, id, SETTLE, r -> !"pending".equals(status(r)));
        assertThat(status(settled)).isEqualTo("succeeded");
        assertThat(processorRefunds(s, p)).isEqualTo(1);
        assertThat(row(id).get("next_sync_at")).isNull();
    }

    @Test
    void aRefundInReviewThatAnEarlierVersionLeftAloneIsSyncedOnStart() {
        Shop s = shop();
        String p = paid(s, 1000);
        simulatorSettings(s, "{\"refund_review_ms\":500}");
        String id = text(refunded(s, p, 400L), "refund_id");
        // Where migration V202611272100 puts a refund in review that an earlier version had stopped syncing.
        jdbc.sql("update refund set next_sync_at = ?, sync_count = 0 where refund_id = ?")
                .params(Timestamp.from(PaymentSettings.SYNC_PARKED), id).update();

        assertThat(startup.rescheduleUnsettledRefunds()).isPositive();
        assertThat(parked(row(id))).as("due again").isFalse();

        JsonNode settled = awaitRefund(s, id, SETTLE, r -> !"review".equals(status(r)));
        assertThat(status(settled)).isEqualTo("succeeded");
        assertThat(processorRefunds(s, p)).isEqualTo(1);
    }

    private Map<String, Object> row(String refundId) {
        return jdbc.sql("select status, sync_count, next_sync_at from refund where refund_id = ?")
                .param(refundId).query().singleRow();
    }
}
