package co.vaultera.connector.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.connector.simulator.http.JdkConnectorHttpClient;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.AuthenticationType;
import co.vaultera.connector.spi.AuthorizeRequest;
import co.vaultera.connector.spi.CaptureMethod;
import co.vaultera.connector.spi.CaptureRequest;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.connector.spi.CompleteAuthorizeRequest;
import co.vaultera.connector.spi.ConnectorAccount;
import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.HttpMethod;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.connector.spi.RefundRequest;
import co.vaultera.connector.spi.RefundStatus;
import co.vaultera.connector.spi.RefundSyncRequest;
import co.vaultera.connector.spi.SyncRequest;
import co.vaultera.connector.spi.VoidRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/** Serves the processor API on a random loopback port and drives {@link SimulatorConnector} over real HTTP. */
@SpringBootTest(classes = SimulatorHttpIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "server.shutdown=immediate",
                "spring.threads.virtual.enabled=true"})
class SimulatorHttpIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        SimulatorProcessor simulatorProcessor() {
            return new SimulatorProcessor();
        }

        @Bean
        ServletRegistrationBean<SimulatorApiServlet> simulatorApi(SimulatorProcessor processor) {
            return new ServletRegistrationBean<>(new SimulatorApiServlet(processor), SimulatorApiServlet.MAPPING);
        }
    }

    private static final String RETURN_URL = "https://switch.test/payments/pay_x/mer_x/redirect/response/fauxpay?a=1";

    @LocalServerPort
    private int port;

    @Autowired
    private SimulatorProcessor processor;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ConnectorAccount account = account(Map.of());
    private SimulatorConnector connector;
    private String paymentId;
    private String attemptId;

    @BeforeEach
    void setUp() {
        connector = connector(Duration.ofSeconds(5));
        paymentId = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        attemptId = paymentId + "_1";
    }

    @Test
    void successCardIsChargedAndSyncShowsTheSameCharge() {
        PaymentResult result = connector.authorize(authorize(account, SimulatorCards.MASTERCARD, CaptureMethod.AUTOMATIC));
        PaymentResult synced = connector.syncPayment(sync(account, result.connectorTransactionId()));

        assertThat(result.status()).isEqualTo(AttemptStatus.CHARGED);
        assertThat(result.networkTransactionId()).isNotBlank();
        assertThat(synced.status()).isEqualTo(AttemptStatus.CHARGED);
        assertThat(synced.connectorTransactionId()).isEqualTo(result.connectorTransactionId());
    }

    @Test
    void declinedCardIsAFailedResultWithItsCode() {
        PaymentResult result = connector.authorize(authorize(account, SimulatorCards.STOLEN, CaptureMethod.AUTOMATIC));

        assertThat(result.status()).isEqualTo(AttemptStatus.FAILURE);
        assertThat(result.errorCode()).isEqualTo("stolen_card");
    }

    @Test
    void multipleCapturesAndRefundsStayWithinTheAuthorizedAndCapturedAmounts() {
        String tx = connector.authorize(authorize(account, SimulatorCards.VISA, CaptureMethod.MANUAL_MULTIPLE))
                .connectorTransactionId();

        assertThat(connector.capture(capture(tx, "cap_1", 400)).status())
                .isEqualTo(AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE);
        assertError(() -> connector.capture(capture(tx, "cap_2", 601)), ConnectorError.INVALID_REQUEST);
        assertThat(connector.capture(capture(tx, "cap_3", 600)).status()).isEqualTo(AttemptStatus.CHARGED);

        assertThat(connector.refund(refund(tx, "ref_1", 700)).status()).isEqualTo(RefundStatus.SUCCEEDED);
        var tooMuch = connector.refund(refund(tx, "ref_2", 301));
        assertThat(tooMuch.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(tooMuch.errorMessage()).isEqualTo("refund amount exceeds payment amount");
        assertThat(connector.syncRefund(new RefundSyncRequest(account, paymentId, "ref_2", tx, null)).status())
                .isEqualTo(RefundStatus.FAILED);
        assertThat(connector.refund(refund(tx, "ref_3", 300)).status()).isEqualTo(RefundStatus.SUCCEEDED);
    }

    @Test
    void voidReleasesAManualAuthorization() {
        String tx = connector.authorize(authorize(account, SimulatorCards.AMEX, CaptureMethod.MANUAL))
                .connectorTransactionId();

        PaymentResult voided = connector.voidPayment(new VoidRequest(account, paymentId, attemptId, tx, null));

        assertThat(voided.status()).isEqualTo(AttemptStatus.VOIDED);
    }

    @Test
    void threeDsChallengePageCompletesAndRedirectsBackToTheSwitch() throws Exception {
        PaymentResult pending = connector.authorize(authorize(account, SimulatorCards.THREE_DS, CaptureMethod.AUTOMATIC));
        assertThat(pending.status()).isEqualTo(AttemptStatus.AUTHENTICATION_PENDING);
        assertThat(pending.redirect().method()).isEqualTo(HttpMethod.GET);
        String pageUrl = pending.redirect().url();
        assertThat(pageUrl).isEqualTo(base() + "/simulator/3ds/" + pending.connectorTransactionId());

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(pageUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/html"));
        assertThat(page.body()).contains("<form method=\"post\"", "value=\"complete\"", "value=\"reject\"")
                .doesNotContain("<script");

        HttpResponse<String> answer = submit(pageUrl, "outcome=complete");
        String tx = pending.connectorTransactionId();
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location"))
                .hasValue(RETURN_URL + "&processor_payment_id=" + tx + "&outcome=complete");

        PaymentResult done = connector.completeAuthorize(new CompleteAuthorizeRequest(account, paymentId, attemptId,
                tx, 1000, "USD", CaptureMethod.AUTOMATIC, Map.of("processor_payment_id", tx, "outcome", "complete")));
        assertThat(done.status()).isEqualTo(AttemptStatus.CHARGED);
    }

    @Test
    void rejectedChallengeFailsThePayment() throws Exception {
        PaymentResult pending = connector.authorize(authorize(account, SimulatorCards.THREE_DS, CaptureMethod.MANUAL));

        HttpResponse<String> answer = submit(pending.redirect().url(), "outcome=reject");

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("outcome=reject"));
        assertThat(connector.syncPayment(sync(account, pending.connectorTransactionId())).status())
                .isEqualTo(AttemptStatus.FAILURE);
    }

    @Test
    void aChallengeLeftPastTheAccountsChallengeExpiryFailsAndItsPageSaysSo() throws Exception {
        ConnectorAccount hurried = account(Map.of("simulator", Map.of("challenge_expiry_ms", 200)));
        PaymentResult pending =
                connector.authorize(authorize(hurried, SimulatorCards.THREE_DS, CaptureMethod.AUTOMATIC));
        assertThat(pending.status()).isEqualTo(AttemptStatus.AUTHENTICATION_PENDING);
        Thread.sleep(300);

        PaymentResult synced = connector.syncPayment(sync(hurried, pending.connectorTransactionId()));
        assertThat(synced.status()).isEqualTo(AttemptStatus.FAILURE);
        assertThat(synced.errorCode()).isEqualTo("authentication_expired");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(pending.redirect().url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("did not answer the challenge in time").doesNotContain("<form");
        // A shopper who answers anyway is sent back to the switch, which learns the expiry from the processor.
        long challengesBefore = processor.count(SimulatorProcessor.Operation.CHALLENGE);
        HttpResponse<String> late = submit(pending.redirect().url(), "outcome=complete");
        assertThat(late.statusCode()).isEqualTo(303);
        assertThat(late.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("outcome=expired"));
        assertThat(processor.count(SimulatorProcessor.Operation.CHALLENGE)).isEqualTo(challengesBefore);
    }

    @Test
    void timeoutAfterChargeIsAnUnknownOutcomeAndSyncFindsExactlyOneCharge() {
        ConnectorAccount faulty = account(Map.of("simulator",
                Map.of("fault", "timeout_after_charge", "fault_delay_ms", 2000)));
        SimulatorConnector impatient = connector(Duration.ofMillis(500));

        assertError(() -> impatient.authorize(authorize(faulty, SimulatorCards.VISA, CaptureMethod.AUTOMATIC)),
                ConnectorError.UNKNOWN_OUTCOME);

        PaymentResult synced = impatient.syncPayment(sync(faulty, null));
        assertThat(synced.status()).isEqualTo(AttemptStatus.CHARGED);
        assertThat(processor.authorizeCount(attemptId)).isOne();

        // A retry of the same attempt replays the first answer instead of charging again.
        PaymentResult retried = impatient.authorize(authorize(faulty, SimulatorCards.VISA, CaptureMethod.AUTOMATIC));
        assertThat(retried.connectorTransactionId()).isEqualTo(synced.connectorTransactionId());
        assertThat(processor.authorizeCount(attemptId)).isOne();
    }

    @Test
    void latencyBeyondTheConnectorTimeoutIsAnUnknownOutcomeNotAFailure() {
        ConnectorAccount slow = account(Map.of("simulator", Map.of("latency_ms", 800)));

        assertError(() -> connector(Duration.ofMillis(300)).authorize(
                authorize(slow, SimulatorCards.DISCOVER, CaptureMethod.AUTOMATIC)), ConnectorError.UNKNOWN_OUTCOME);

        assertThat(connector.syncPayment(sync(slow, null)).status()).isEqualTo(AttemptStatus.CHARGED);
        assertThat(processor.authorizeCount(attemptId)).isOne();
    }

    @Test
    void processorErrorCardIsUnknownButSyncShowsNothingWasCharged() {
        assertError(() -> connector.authorize(authorize(account, SimulatorCards.PROCESSOR_ERROR,
                CaptureMethod.AUTOMATIC)), ConnectorError.UNKNOWN_OUTCOME);

        assertError(() -> connector.syncPayment(sync(account, null)), ConnectorError.NOT_FOUND);
        assertThat(processor.authorizeCount(attemptId)).isZero();
    }

    @Test
    void requestsWithoutAnApiKeyAreRefused() throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base()
                + "/simulator/payments?reference=x")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"api_key_missing\"");
    }

    @Test
    void unknownRoutesWrongMethodsAndBadJsonGetTheProcessorsErrorBody() throws Exception {
        HttpResponse<String> unknown = call("GET", "/simulator/charges", null);
        HttpResponse<String> tooDeep = call("POST", "/simulator/payments/pay_x/capture/again", "{}");
        HttpResponse<String> wrongMethod = call("DELETE", "/simulator/payments/pay_x", null);
        HttpResponse<String> badJson = call("POST", "/simulator/payments", "{\"amount\": ");
        HttpResponse<String> notAnObject = call("POST", "/simulator/payments", "[1]");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body())
                .isEqualTo("{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such route\"}}");
        assertThat(tooDeep.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("\"code\":\"method_not_allowed\"");
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("\"code\":\"invalid_json\"");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(notAnObject.body()).contains("The body must be a JSON object");
    }

    @Test
    void aSimulationHeaderThatIsNoNumberIsRefusedInPlainWords() throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base()
                        + "/simulator/payments?reference=x")).header(SimulatorApiServlet.API_KEY_HEADER, "sk_test")
                .header(SimulatorApiServlet.LATENCY_HEADER, "abc").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"simulation_invalid\"")
                .contains(SimulatorApiServlet.LATENCY_HEADER + " must be an integer number of milliseconds")
                .doesNotContain("For input string");
    }

    @Test
    void theReturnAfterAChallengeKeepsTheReturnUrlsQueryAndFragment() {
        assertThat(SimulatorApiServlet.withQuery("https://m.test/back", "outcome=complete"))
                .isEqualTo("https://m.test/back?outcome=complete");
        assertThat(SimulatorApiServlet.withQuery("https://m.test/back?a=1#top", "outcome=complete"))
                .isEqualTo("https://m.test/back?a=1&outcome=complete#top");
        assertThat(SimulatorApiServlet.withQuery("https://m.test/back?", "outcome=reject"))
                .isEqualTo("https://m.test/back?outcome=reject");
    }

    @Test
    void anotherApiKeyCannotSeeThePayment() {
        String tx = connector.authorize(authorize(account, SimulatorCards.VISA_2, CaptureMethod.AUTOMATIC))
                .connectorTransactionId();
        ConnectorAccount other = ConnectorAccount.headerKey("fauxpay", "mca_2", "sk_other", Map.of());

        assertError(() -> connector.syncPayment(sync(other, tx)), ConnectorError.NOT_FOUND);
    }

    private SimulatorConnector connector(Duration timeout) {
        return new SimulatorConnector("fauxpay", URI.create(base()), new JdkConnectorHttpClient(), timeout);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> call(String method, String path, String json) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").header(SimulatorApiServlet.API_KEY_HEADER, "sk_test")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConnectorAccount account(Map<String, Object> metadata) {
        return ConnectorAccount.headerKey("fauxpay", "mca_1", "sk_sim_it", metadata);
    }

    private AuthorizeRequest authorize(ConnectorAccount acc, String number, CaptureMethod method) {
        return new AuthorizeRequest(acc, paymentId, attemptId, 1000, "USD", method, AuthenticationType.THREE_DS,
                new CardDetails(number, 12, 2034, "Ada Lovelace", "123"), RETURN_URL, "test order");
    }

    private SyncRequest sync(ConnectorAccount acc, String tx) {
        return new SyncRequest(acc, paymentId, attemptId, tx, CaptureMethod.AUTOMATIC);
    }

    private CaptureRequest capture(String tx, String captureId, long amount) {
        return new CaptureRequest(account, paymentId, attemptId, captureId, tx, amount, 1000, "USD",
                CaptureMethod.MANUAL_MULTIPLE);
    }

    private RefundRequest refund(String tx, String refundId, long amount) {
        return new RefundRequest(account, paymentId, attemptId, refundId, tx, amount, 1000, "USD", null);
    }

    private static void assertError(ThrowingCallable call, ConnectorError kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.error()).as(e.toString()).isEqualTo(kind));
    }
}
