package co.vaultera.connector.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.AuthenticationType;
import co.vaultera.connector.spi.AuthorizeRequest;
import co.vaultera.connector.spi.CaptureMethod;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.connector.spi.ConnectorAccount;
import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.ConnectorHttpRequest;
import co.vaultera.connector.spi.ConnectorHttpResponse;
import co.vaultera.connector.spi.RefundStatus;
import co.vaultera.connector.spi.SyncRequest;
import co.vaultera.connector.spi.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorConnectorTest {

    /** A CVC that no other field of the request contains by chance. */
    private static final String CVC = "739";

    private static final String CHARGED = """
            {"id":"sim_pay_1","status":"succeeded","amount":1000,"amount_captured":1000,"amount_capturable":0,
             "network_transaction_id":"123456789012345","error_code":null,"next_action":null}""";

    private final List<ConnectorHttpRequest> sent = new ArrayList<>();
    private ConnectorHttpResponse answer = response(200, CHARGED);
    private final SimulatorConnector connector = new SimulatorConnector("stripe_test",
            URI.create("http://127.0.0.1:9/"), request -> {
                sent.add(request);
                return answer;
            });

    @Test
    void statusMappingCoversEveryProcessorStatus() {
        assertThat(SimulatorConnector.attemptStatus(SimulatorPaymentStatus.REQUIRES_ACTION, 10, 0))
                .isEqualTo(AttemptStatus.AUTHENTICATION_PENDING);
        assertThat(SimulatorConnector.attemptStatus(SimulatorPaymentStatus.REQUIRES_CAPTURE, 10, 0))
                .isEqualTo(AttemptStatus.AUTHORIZED);
        assertThat(SimulatorConnector.attemptStatus(SimulatorPaymentStatus.PARTIALLY_CAPTURED, 10, 4))
                .isEqualTo(AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE);
        assertThat(SimulatorConnector.attemptStatus(SimulatorPaymentStatus.SUCCEEDED, 10, 10))
                .isEqualTo(AttemptStatus.CHARGED);
        assertThat(SimulatorConnector.attemptStatus(SimulatorPaymentStatus.SUCCEEDED, 10, 4))
                .isEqualTo(AttemptStatus.PARTIAL_CHARGED);
        assertThat(SimulatorConnector.attemptStatus(SimulatorPaymentStatus.FAILED, 10, 0))
                .isEqualTo(AttemptStatus.FAILURE);
        assertThat(SimulatorConnector.attemptStatus(SimulatorPaymentStatus.CANCELLED, 10, 0))
                .isEqualTo(AttemptStatus.VOIDED);
        assertThat(SimulatorConnector.refundStatus(SimulatorRefundStatus.PENDING)).isEqualTo(RefundStatus.PENDING);
        assertThat(SimulatorConnector.refundStatus(SimulatorRefundStatus.SUCCEEDED)).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(SimulatorConnector.refundStatus(SimulatorRefundStatus.FAILED)).isEqualTo(RefundStatus.FAILED);
    }

    @Test
    void authorizeSendsTheKeyAndADeterministicIdempotencyKeyAndKeepsTheCardAndCvcInTheBodyOnly() {
        var result = connector.authorize(authorize(account(Map.of()), CaptureMethod.AUTOMATIC));

        assertThat(result.status()).isEqualTo(AttemptStatus.CHARGED);
        assertThat(result.connectorTransactionId()).isEqualTo("sim_pay_1");
        assertThat(result.amountCaptured()).isEqualTo(1000);
        ConnectorHttpRequest request = sent.getFirst();
        assertThat(request.url()).isEqualTo(URI.create("http://127.0.0.1:9/simulator/payments"));
        assertThat(request.headers())
                .containsEntry("X-Simulator-Api-Key", "sk_sim_1")
                .containsEntry("Idempotency-Key", "authorize_pay_abc_1");
        assertThat(request.headers().values()).noneMatch(v -> v.contains("4242424242424242") || v.contains(CVC));
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .contains("\"number\":\"4242424242424242\"", "\"cvc\":\"" + CVC + "\"", "\"reference\":\"pay_abc_1\"");
    }

    @Test
    void aCardWithoutACvcIsSentWithoutTheField() {
        connector.authorize(new AuthorizeRequest(account(Map.of()), "pay_abc", "pay_abc_1", 1000, "USD",
                CaptureMethod.AUTOMATIC, AuthenticationType.NO_THREE_DS,
                new CardDetails("4242424242424242", 12, 2034, "Ada", null), "https://switch.test/return", null));

        assertThat(new String(sent.getFirst().body(), StandardCharsets.UTF_8)).doesNotContain("cvc");
    }

    @Test
    void sequentialAutomaticIsChargedInTheAuthorizeCall() {
        connector.authorize(authorize(account(Map.of()), CaptureMethod.SEQUENTIAL_AUTOMATIC));

        assertThat(new String(sent.getFirst().body(), StandardCharsets.UTF_8))
                .contains("\"capture_method\":\"automatic\"");
    }

    @Test
    void scheduledCaptureIsUnsupportedAndNothingIsSent() {
        assertError(() -> connector.authorize(authorize(account(Map.of()), CaptureMethod.SCHEDULED)),
                ConnectorError.UNSUPPORTED);
        assertThat(sent).isEmpty();
    }

    @Test
    void accountMetadataBecomesSimulationHeaders() {
        var account = account(Map.of("simulator",
                Map.of("latency_ms", 1000, "fault", "timeout_after_charge", "fault_delay_ms", 2500)));

        connector.authorize(authorize(account, CaptureMethod.AUTOMATIC));

        assertThat(sent.getFirst().headers())
                .containsEntry("X-Simulator-Latency-Ms", "1000")
                .containsEntry("X-Simulator-Fault", "timeout_after_charge")
                .containsEntry("X-Simulator-Fault-Delay-Ms", "2500");
    }

    @Test
    void invalidMetadataIsAnInvalidRequest() {
        var account = account(Map.of("simulator", Map.of("fault", "meltdown")));

        assertError(() -> connector.authorize(authorize(account, CaptureMethod.AUTOMATIC)),
                ConnectorError.INVALID_REQUEST);
    }

    @Test
    void aDeclineIsAResultWithTheProcessorsCode() {
        answer = response(402, """
                {"id":"sim_pay_2","status":"failed","amount":1000,"amount_captured":0,"amount_capturable":0,
                 "error_code":"card_declined","error_message":"Card declined"}""");

        var result = connector.authorize(authorize(account(Map.of()), CaptureMethod.AUTOMATIC));

        assertThat(result.status()).isEqualTo(AttemptStatus.FAILURE);
        assertThat(result.errorCode()).isEqualTo("card_declined");
        assertThat(result.errorMessage()).isEqualTo("Card declined");
    }

    @ParameterizedTest
    @CsvSource({"500, UNKNOWN_OUTCOME", "503, UNKNOWN_OUTCOME", "429, UNKNOWN_OUTCOME", "401, AUTHENTICATION",
            "400, INVALID_REQUEST", "409, INVALID_REQUEST", "404, NOT_FOUND", "402, DECLINED"})
    void httpErrorsMapToTheirKind(int status, ConnectorError kind) {
        answer = response(status, status == 402 ? "" : "{\"error\":{\"code\":\"x\",\"message\":\"why\"}}");

        assertError(() -> connector.syncPayment(sync()), kind);
    }

    @Test
    void anUnreadableSuccessIsAnUnknownOutcome() {
        answer = response(200, "<html>oops</html>");

        assertError(() -> connector.authorize(authorize(account(Map.of()), CaptureMethod.AUTOMATIC)),
                ConnectorError.UNKNOWN_OUTCOME);
    }

    @Test
    void syncWithoutATransactionIdLooksThePaymentUpByAttemptId() {
        connector.syncPayment(sync());

        assertThat(sent.getFirst().url().toString())
                .isEqualTo("http://127.0.0.1:9/simulator/payments?reference=pay_abc_1");
        assertThat(sent.getFirst().headers()).doesNotContainKey("Idempotency-Key");
    }

    @Test
    void everySimulatorNameIsServedAndOthersAreRejected() {
        for (String name : SimulatorConnector.NAMES) {
            assertThat(new SimulatorConnector(name, URI.create("http://127.0.0.1:9"), r -> answer).name())
                    .isEqualTo(name);
        }
        assertThat(SimulatorConnector.NAMES).contains("phonypay", "fauxpay", "pretendpay", "adyen_test",
                "checkout_test", "paypal_test", "simulator");
        assertThatThrownBy(() -> new SimulatorConnector("stripe", URI.create("http://127.0.0.1:9"), r -> answer))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webhooksAreUnsupported() {
        assertError(() -> connector.parseWebhook(new WebhookRequest(account(Map.of()), null, Map.of(), new byte[0])),
                ConnectorError.UNSUPPORTED);
    }

    private static ConnectorAccount account(Map<String, Object> metadata) {
        return ConnectorAccount.headerKey("stripe_test", "mca_1", "sk_sim_1", metadata);
    }

    private static AuthorizeRequest authorize(ConnectorAccount account, CaptureMethod method) {
        return new AuthorizeRequest(account, "pay_abc", "pay_abc_1", 1000, "USD", method,
                AuthenticationType.NO_THREE_DS, new CardDetails("4242424242424242", 12, 2034, "Ada", CVC),
                "https://switch.test/return", null);
    }

    private static SyncRequest sync() {
        return new SyncRequest(account(Map.of()), "pay_abc", "pay_abc_1", null, CaptureMethod.AUTOMATIC);
    }

    private static ConnectorHttpResponse response(int status, String body) {
        return new ConnectorHttpResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ConnectorError kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.error()).isEqualTo(kind));
    }
}
