package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.sync.StartupResync;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An attempt whose scheduled syncs all ended without an answer is parked, left alone by the sync job until the next
 * start, which finds it through the index of scheduled syncs and schedules it again ({@link StartupResync}; a
 * restart runs it, so here it is called as a restart would). Relies on the test timings of {@code ApiTestSupport}:
 * connector timeout 2 s, first sync after 1 s, then every 1 s, 4 syncs.
 */
class PaymentResyncOnStartupIT extends PaymentTestSupport {

    /** Four syncs that each time out after 2 s, 1 s apart, after the authorize's own timeout: about 15 s. */
    private static final Duration EXHAUSTED = Duration.ofSeconds(45);
    private static final Duration SETTLE = Duration.ofSeconds(15);

    @Autowired
    private StartupResync startup;
    @Autowired
    private DataSource dataSource;

    @Test
    void aPaymentStillUnknownAfterItsLastSyncIsSyncedAgainOnStartAndSettledWithoutASecondAuthorize() {
        TestMerchant m = newMerchant();
        // Every answer, retrieves included, comes after the connector's 2 s timeout: the authorize (which the
        // processor records before waiting) and every sync end without an answer.
        String account = addConnector(m, "{\"latency_ms\":2500}").get("merchant_connector_id").stringValue();
        JsonNode p = pay(m, VISA);
        assertThat(status(p)).isEqualTo("processing");
        String attemptId = attempt(id(p), 1);

        Map<String, Object> exhausted = poll("attempt " + attemptId, EXHAUSTED, () -> attemptRow(m.merchantId(),
                attemptId), row -> ((Number) row.get("sync_count")).intValue() == 4 && parked(row));
        assertThat(exhausted.get("status")).isEqualTo("pending");
        assertThat(status(retrieve(m, id(p)))).isEqualTo("processing");
        JsonNode settledBefore = pay(merchantWithConnector(), VISA);
        // The processor answers in time again; only a new look can tell the switch.
        post("/account/" + m.merchantId() + "/connectors/" + account, m.apiKey(),
                "{\"metadata\":{\"simulator\":{}}}").expect(200);

        assertThat(startup.rescheduleUnsettledAttempts()).isPositive();

        JsonNode settled = await(m, id(p), SETTLE, r -> !"processing".equals(status(r)));
        assertThat(status(settled)).isEqualTo("succeeded");
        assertThat(settled.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(settled.get("attempt_count").intValue()).isEqualTo(1);
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isEqualTo(1);
        Map<String, Object> after = attemptRow(m.merchantId(), attemptId);
        assertThat(after.get("sync_count")).isEqualTo(5);
        assertThat(after.get("next_sync_at")).isNull();
        // A settled attempt is not put back on the schedule.
        assertThat(attemptRow(settledBefore.get("merchant_id").stringValue(), attempt(id(settledBefore), 1))
                .get("next_sync_at")).isNull();
    }

    @Test
    void theStartFindsParkedAttemptsThroughTheIndexOfScheduledSyncsNotByScanningTheTable() throws SQLException {
        // The shape of PaymentRepository.rescheduleUnscheduledSyncs; with sequential scans priced out, the planner
        // shows whether the partial index can serve it at all (it could not for "next_sync_at is null").
        String plan;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("set enable_seqscan = off");
            try (ResultSet rs = st.executeQuery("explain update payment_attempt set next_sync_at = now()"
                    + " where next_sync_at = '" + PaymentSettings.SYNC_PARKED + "' and status = any('{pending}')")) {
                StringBuilder lines = new StringBuilder();
                while (rs.next()) {
                    lines.append(rs.getString(1)).append('\n');
                }
                plan = lines.toString();
            } finally {
                st.execute("reset enable_seqscan");
            }
        }
        assertThat(plan).contains("payment_attempt_due_for_sync").doesNotContain("Seq Scan");
    }

    private Map<String, Object> attemptRow(String merchantId, String attemptId) {
        return jdbc.sql("select status, sync_count, next_sync_at from payment_attempt"
                        + " where merchant_id = ? and attempt_id = ?")
                .params(merchantId, attemptId).query().singleRow();
    }
}
