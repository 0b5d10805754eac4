package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.sync.StartupResync;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An attempt whose scheduled syncs all ended without an answer is left alone by the sync job until the next start,
 * which schedules it again ({@link StartupResync}; a restart runs it, so here it is called as a restart
 * would). Relies on the test timings of {@code ApiTestSupport}: connector timeout 2 s, first sync after 1 s, then
 * every 1 s, 4 syncs.
 */
class PaymentResyncOnStartupIT extends PaymentTestSupport {

    /** Four syncs that each time out after 2 s, 1 s apart, after the authorize's own timeout: about 15 s. */
    private static final Duration EXHAUSTED = Duration.ofSeconds(45);
    private static final Duration SETTLE = Duration.ofSeconds(15);

    @Autowired
    private StartupResync startup;

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
                attemptId), row -> ((Number) row.get("sync_count")).intValue() == 4 && row.get("next_sync_at") == null);
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
        assertThat(simulator.authorizeCount(attemptId)).isEqualTo(1);
        Map<String, Object> after = attemptRow(m.merchantId(), attemptId);
        assertThat(after.get("sync_count")).isEqualTo(5);
        assertThat(after.get("next_sync_at")).isNull();
        // A settled attempt is not put back on the schedule.
        assertThat(attemptRow(settledBefore.get("merchant_id").stringValue(), attempt(id(settledBefore), 1))
                .get("next_sync_at")).isNull();
    }

    private Map<String, Object> attemptRow(String merchantId, String attemptId) {
        return jdbc.sql("select status, sync_count, next_sync_at from payment_attempt"
                        + " where merchant_id = ? and attempt_id = ?")
                .params(merchantId, attemptId).query().singleRow();
    }
}
