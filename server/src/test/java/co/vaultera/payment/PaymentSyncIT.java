package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.apikey.ApiKeyService;
import co.vaultera.connector.simulator.AuthorizeCommand;
import co.vaultera.connector.simulator.PaymentView;
import co.vaultera.connector.simulator.Simulation;
import co.vaultera.connector.simulator.SimulatorApiServlet;
import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import co.vaultera.connector.spi.CaptureMethod;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.web.auth.MerchantContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Unknown outcomes (processor 5xx, timeout after charge) are not declines: the payment stays {@code processing}
 * and the sync (the background job, or {@code force_sync}) settles it without a second authorize. Relies on the
 * test timings of {@code ApiTestSupport}: connector timeout 2 s, first sync after 1 s, then every 1 s, 4 syncs.
 * A call that times out therefore answers {@code processing} at about 2 s, while its first sync is due only at
 * about 3 s (written before the call as timeout + first delay, then set to 1 s after the unknown outcome).
 */
class PaymentSyncIT extends PaymentTestSupport {

    @Autowired
    private PaymentSync sync;

    @Autowired
    private ApiKeyService apiKeys;

    private static final Duration SETTLE = Duration.ofSeconds(15);

    @Test
    void aProcessorErrorLeavesThePaymentProcessingNotFailed() {
        TestMerchant m = merchantWithConnector();
        JsonNode p = pay(m, PROCESSOR_ERROR);
        assertThat(status(p)).isEqualTo("processing");
        assertThat(text(p, "error_code")).isNull();
        JsonNode retry = p.get("manual_retry_allowed");
        assertThat(retry == null || retry.isNull() || !retry.booleanValue()).as("manual_retry_allowed").isTrue();
        // While the outcome is unknown nothing may be retried, captured or cancelled.
        post("/payments/" + id(p) + "/confirm", m.apiKey(), "{" + card(VISA) + "}").expectError(400, "IR_14");
        post("/payments/" + id(p) + "/cancel", m.apiKey(), "{}").expectError(400, "IR_14");
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isZero();
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 2))).isZero();
    }

    @Test
    void aProcessorErrorIsFailedByTheSyncJobAfterItsLastLookFindsNothingAndNothingIsCharged() {
        TestMerchant m = merchantWithConnector();
        JsonNode p = pay(m, PROCESSOR_ERROR);
        assertThat(status(p)).isEqualTo("processing");

        JsonNode settled = await(m, id(p), SETTLE, r -> !"processing".equals(status(r)));

        assertThat(status(settled)).isEqualTo("failed");
        assertThat(text(settled, "error_code")).isEqualTo("not_found_at_processor");
        assertThat(text(settled, "error_message")).isNotBlank();
        assertThat(settled.get("amount_received").isNull()).isTrue();
        assertThat(settled.get("attempt_count").intValue()).isEqualTo(1);
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isZero();
        assertThat(jdbc.sql("select sync_count from payment_attempt where merchant_id = ? and attempt_id = ?")
                .params(m.merchantId(), attempt(id(p), 1)).query(Integer.class).single()).isEqualTo(4);
        // A failed payment may be retried by hand: a new attempt, which now succeeds.
        JsonNode retried = post("/payments/" + id(p) + "/confirm", m.apiKey(), "{" + card(VISA) + "}")
                .expect(200).json();
        assertThat(status(retried)).isEqualTo("succeeded");
        assertThat(retried.get("attempt_count").intValue()).isEqualTo(2);
    }

    @Test
    void aProcessorErrorFromConnectorMetadataAlsoLeavesThePaymentProcessing() {
        TestMerchant m = merchantWithConnector("{\"fault\":\"processor_error\"}");
        JsonNode p = pay(m, VISA);
        assertThat(status(p)).isEqualTo("processing");
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isZero();
    }

    @Test
    void aTimeoutAfterChargeAnswersProcessingAndForceSyncFindsTheOneCharge() {
        TestMerchant m = merchantWithConnector("{\"fault\":\"timeout_after_charge\",\"fault_delay_ms\":3000}");
        long started = System.nanoTime();
        JsonNode p = pay(m, VISA);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).as("the connector gives up after its 2 s timeout").isLessThan(3000);
        // No sync can have run yet: the attempt was written due only after the call's timeout plus the first
        // delay (2 s + 1 s), and the unknown outcome at 2 s moved that to 1 s later.
        assertThat(status(p)).isEqualTo("processing");
        assertThat(text(p, "error_code")).isNull();

        JsonNode synced = get("/payments/" + id(p) + "?force_sync=true", m.apiKey()).expect(200).json();

        assertThat(status(synced)).isEqualTo("succeeded");
        assertThat(synced.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(text(synced, "connector_transaction_id")).isNotBlank();
        assertThat(synced.get("attempt_count").intValue()).isEqualTo(1);
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isEqualTo(1);
        assertThat(simulator.count(Operation.AUTHORIZE, processorReference(m.merchantId(), id(p), 2))).isZero();
        assertThat(retrieve(m, id(p)).get("status").stringValue()).isEqualTo("succeeded");
    }

    @Test
    void aChargeWhoseAccountWasDeletedWhileItsAnswerWasLostIsStillFoundBySync() {
        TestMerchant m = merchantWithConnector("{\"fault\":\"timeout_after_charge\",\"fault_delay_ms\":3000}");
        JsonNode p = pay(m, VISA);
        assertThat(status(p)).isEqualTo("processing");
        delete("/account/" + m.merchantId() + "/connectors/" + text(p, "merchant_connector_id"), m.apiKey())
                .expect(200);

        JsonNode synced = get("/payments/" + id(p) + "?force_sync=true", m.apiKey()).expect(200).json();

        // The processor took the money: the switch still learns it, through the deleted account's credentials.
        assertThat(status(synced)).isEqualTo("succeeded");
        assertThat(synced.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isEqualTo(1);
    }

    @Test
    void aTimeoutAfterChargeIsSettledAsSucceededByTheSyncJobWithoutASecondAuthorize() {
        // The fault card, with its hold shortened to 3 s by the account's metadata.
        TestMerchant m = merchantWithConnector("{\"fault_delay_ms\":3000}");
        JsonNode p = pay(m, TIMEOUT_AFTER_CHARGE);
        assertThat(status(p)).isEqualTo("processing");

        JsonNode settled = await(m, id(p), SETTLE, r -> !"processing".equals(status(r)));

        assertThat(status(settled)).isEqualTo("succeeded");
        assertThat(settled.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(settled.get("attempt_count").intValue()).isEqualTo(1);
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isEqualTo(1);
        // Nothing sends a second authorize afterwards either.
        sleep(1500);
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isEqualTo(1);
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 2))).isZero();
    }

    @Test
    void aManualPaymentWhoseAuthorizeTimedOutIsSettledAsRequiresCaptureAndThenCapturable() {
        TestMerchant m = merchantWithConnector("{\"fault_delay_ms\":3000}");
        JsonNode p = create(m, body(1000, "manual", TIMEOUT_AFTER_CHARGE, true));
        assertThat(status(p)).isEqualTo("processing");
        JsonNode synced = get("/payments/" + id(p) + "?force_sync=true", m.apiKey()).expect(200).json();
        assertThat(status(synced)).isEqualTo("requires_capture");
        assertThat(synced.get("amount_capturable").longValue()).isEqualTo(1000);
    }

    @Test
    void forceSyncDoesNotUseUpTheSyncJobsLooks() {
        TestMerchant m = merchantWithConnector("{\"fault\":\"processor_error\"}");
        JsonNode p = pay(m, VISA);
        assertThat(status(p)).isEqualTo("processing");

        // More polls than the job has looks (4 here), each finding nothing at the processor. Had they counted,
        // the fourth would have been taken for the job's last look and failed the payment while an authorize
        // may still be on its way.
        for (int i = 0; i < 6; i++) {
            assertThat(status(get("/payments/" + id(p) + "?force_sync=true", m.apiKey()).expect(200).json()))
                    .as("poll %d", i + 1).isEqualTo("processing");
        }
        assertThat(jdbc.sql("select sync_count from payment_attempt where merchant_id = ? and attempt_id = ?")
                .params(m.merchantId(), attempt(id(p), 1)).query(Integer.class).single())
                .as("only the job's own looks are counted").isLessThan(4);
    }

    @Test
    void forceSyncOfAnUnchangedPaymentAnswersItsStoredState() {
        TestMerchant m = merchantWithConnector();
        JsonNode p = create(m, body(1000, "manual", VISA, true));
        JsonNode synced = get("/payments/" + id(p) + "?force_sync=true", m.apiKey()).expect(200).json();
        assertThat(status(synced)).isEqualTo("requires_capture");
        assertThat(synced.get("amount_capturable").longValue()).isEqualTo(1000);
        assertThat(simulator.authorizeCount(processorReference(m.merchantId(), id(p), 1))).isEqualTo(1);
    }

    private void setSimulator(TestMerchant m, String mcaId, String settings) {
        post("/account/" + m.merchantId() + "/connectors/" + mcaId, m.apiKey(),
                "{\"metadata\":{\"simulator\":" + settings + "}}").expect(200);
    }

    @Test
    void aCaptureWhoseAnswerTimedOutIsSettledBySyncAndItsCaptureRowIsCharged() {
        TestMerchant m = newMerchant();
        String mca = addConnector(m, null).get("merchant_connector_id").stringValue();
        JsonNode p = create(m, body(1000, "manual", VISA, true));
        assertThat(status(p)).isEqualTo("requires_capture");
        setSimulator(m, mca, "{\"fault\":\"timeout_after_charge\",\"fault_delay_ms\":3000}");

        JsonNode capturing = post("/payments/" + id(p) + "/capture", m.apiKey(), "{\"amount_to_capture\":1000}")
                .expect(200).json();
        // As for an authorize: the capture was written due for sync only after its timeout plus the first delay.
        assertThat(status(capturing)).isEqualTo("processing");

        JsonNode settled = await(m, id(p), SETTLE, r -> !"processing".equals(status(r)));
        assertThat(status(settled)).isEqualTo("succeeded");
        assertThat(settled.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(simulator.count(Operation.CAPTURE, processorReference(m.merchantId(), id(p), 1))).isEqualTo(1);
        assertThat(settled.get("captures").size()).isEqualTo(1);
        assertThat(settled.get("captures").get(0).get("status").stringValue())
                .as("the capture the processor did, in %s", settled.get("captures")).isEqualTo("charged");
    }

    @Test
    void aCaptureThatMetAProcessorErrorIsSettledBySyncAndCanBeCapturedAgain() {
        TestMerchant m = newMerchant();
        String mca = addConnector(m, null).get("merchant_connector_id").stringValue();
        JsonNode p = create(m, body(1000, "manual", VISA, true));
        setSimulator(m, mca, "{\"fault\":\"processor_error\"}");

        JsonNode capturing = post("/payments/" + id(p) + "/capture", m.apiKey(), "{\"amount_to_capture\":1000}")
                .expect(200).json();
        assertThat(status(capturing)).isEqualTo("processing");
        assertThat(simulator.count(Operation.CAPTURE, processorReference(m.merchantId(), id(p), 1))).isZero();
        setSimulator(m, mca, "{}");

        JsonNode settled = await(m, id(p), SETTLE, r -> !"processing".equals(status(r)));
        assertThat(status(settled)).isEqualTo("requires_capture");
        assertThat(settled.get("amount_capturable").longValue()).isEqualTo(1000);
        assertThat(settled.get("captures").valueStream().map(c -> c.get("status").stringValue()))
                .as("a capture the processor never did is not left pending: %s", settled.get("captures"))
                .doesNotContain("pending");

        JsonNode captured = post("/payments/" + id(p) + "/capture", m.apiKey(), "{\"amount_to_capture\":1000}")
                .expect(200).json();
        assertThat(status(captured)).isEqualTo("succeeded");
        assertThat(simulator.count(Operation.CAPTURE, processorReference(m.merchantId(), id(p), 1))).isEqualTo(1);
    }

    @Test
    void aCaptureAfterEarlierSyncLooksGetsLooksOfItsOwn() {
        TestMerchant m = newMerchant();
        String mca = addConnector(m, null).get("merchant_connector_id").stringValue();
        JsonNode p = create(m, body(1000, "manual", VISA, true));
        // The attempt used up its looks earlier (say, a long 3DS wait that the job watched until it parked).
        jdbc.sql("update payment_attempt set sync_count = 4 where merchant_id = ? and attempt_id = ?")
                .params(m.merchantId(), attempt(id(p), 1)).update();
        setSimulator(m, mca, "{\"fault\":\"processor_error\"}");

        assertThat(status(post("/payments/" + id(p) + "/capture", m.apiKey(), "{\"amount_to_capture\":1000}")
                .expect(200).json())).isEqualTo("processing");
        setSimulator(m, mca, "{}");

        // Not parked: the job settles the capture that met the processor error.
        assertThat(status(await(m, id(p), SETTLE, r -> !"processing".equals(status(r)))))
                .isEqualTo("requires_capture");
    }

    @Test
    void theSyncJobSkipsAClaimedAttemptThatWasWrittenSinceItsClaim() {
        TestMerchant m = merchantWithConnector();
        JsonNode p = create(m, body(1000, "manual", VISA, true));
        MerchantContext context = apiKeys.authenticate(m.apiKey()).orElseThrow();
        Instant written = jdbc.sql("select modified_at from payment_attempt where merchant_id = ? and attempt_id = ?")
                .params(m.merchantId(), attempt(id(p), 1)).query(java.sql.Timestamp.class).single().toInstant();

        sync.syncDue(context, new PaymentRepository.DueAttempt(m.merchantId(), id(p), attempt(id(p), 1),
                written.minusMillis(1)));
        assertThat(syncCount(m, id(p))).as("a stale claim asks nothing").isZero();

        sync.syncDue(context, new PaymentRepository.DueAttempt(m.merchantId(), id(p), attempt(id(p), 1),
                written));
        assertThat(syncCount(m, id(p))).as("a current claim is a counted look").isOne();
    }

    @Test
    void anAttemptWhoseConnectorThisServerNoLongerHasIsParkedUnsettledAndNothingNewGoesToIt() {
        TestMerchant m = merchantWithConnector();
        JsonNode authorized = create(m, body(1000, "manual", VISA, true));
        JsonNode p = pay(m, PROCESSOR_ERROR);
        assertThat(status(p)).isEqualTo("processing");
        // The account's connector was removed from the build: no call to that processor can be made from here.
        jdbc.sql("update merchant_connector_account set connector_name = 'retired_processor' where merchant_id = ?")
                .param(m.merchantId()).update();

        poll("attempt parked", SETTLE, () -> jdbc.sql("select next_sync_at from payment_attempt"
                        + " where merchant_id = ? and attempt_id = ?").params(m.merchantId(), attempt(id(p), 1))
                .query(java.sql.Timestamp.class).single(), at -> at.toInstant().equals(PaymentSettings.SYNC_PARKED));

        // Unknown, not failed: the processor may have the payment, and a server with the connector can ask again.
        assertThat(syncCount(m, id(p))).isEqualTo(4);
        assertThat(status(get("/payments/" + id(p) + "?force_sync=true", m.apiKey()).expect(200).json()))
                .isEqualTo("processing");
        post("/payments/" + id(authorized) + "/capture", m.apiKey(), "{}").expectError(400, "IR_39");
        assertThat(status(retrieve(m, id(authorized)))).isEqualTo("requires_capture");
        assertThat(jdbc.sql("select count(*) from payment_capture where merchant_id = ? and payment_id = ?")
                .params(m.merchantId(), id(authorized)).query(Long.class).single()).isZero();
        post("/payments", m.apiKey(), body(1000, "automatic", VISA, true)).expectError(400, "IR_39");
    }

    @Test
    void anAttemptSentUnderItsBareIdByAnEarlierVersionIsStillFoundBySync() {
        TestMerchant m = merchantWithConnector();
        JsonNode p = pay(m, PROCESSOR_ERROR);
        String attemptId = attempt(id(p), 1);
        // What an earlier version left behind: its authorize went out under the bare attempt id, the answer was
        // lost, and the migration that qualified references kept that name.
        PaymentView charged = simulator.authorize(SimulatorApiServlet.accountOf(PROCESSOR_API_KEY),
                new AuthorizeCommand(attemptId, 1000, "USD", CaptureMethod.AUTOMATIC,
                        new CardDetails(VISA, 12, 2030, null, null), null, null), Simulation.NONE);
        jdbc.sql("insert into processor_reference_legacy (merchant_id, kind, id, reference)"
                + " values (?, 'attempt', ?, ?)").params(m.merchantId(), attemptId, attemptId).update();

        JsonNode synced = get("/payments/" + id(p) + "?force_sync=true", m.apiKey()).expect(200).json();

        assertThat(status(synced)).isEqualTo("succeeded");
        assertThat(text(synced, "connector_transaction_id")).isEqualTo(charged.id());
        assertThat(synced.get("amount_received").longValue()).isEqualTo(1000);
    }

    private int syncCount(TestMerchant m, String paymentId) {
        return jdbc.sql("select sync_count from payment_attempt where merchant_id = ? and attempt_id = ?")
                .params(m.merchantId(), attempt(paymentId, 1)).query(Integer.class).single();
    }
}
