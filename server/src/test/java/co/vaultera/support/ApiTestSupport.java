package co.vaultera.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import co.vaultera.VaulteraSwitchApplication;
import co.vaultera.connector.ProcessorReferences;
import co.vaultera.payment.PaymentSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every {@code *IT}: the whole application on a random port over one embedded PostgreSQL per test JVM
 * (all IT classes share this one Spring context), spoken to over real HTTP.
 */
@SpringBootTest(classes = VaulteraSwitchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {

    public static final String ADMIN_KEY = "test_admin_key_for_integration_tests";
    private static final Path DATA_DIR = createDataDir();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** Every log line of the run is searched for card numbers (Spring Boot drops the check when it sets up logs). */
    @BeforeEach
    void searchLogsForCardNumbers() {
        CardDataLogCheck.attach();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switch.data-dir", DATA_DIR::toString);
        registry.add("switch.admin-api-key", () -> ADMIN_KEY);
        registry.add("switch.embedded.durable", () -> "false");
        // Short timings so timeouts and background syncs settle within a test.
        registry.add("switch.connector.timeout", () -> "2s");
        registry.add("switch.sync.first-delay", () -> "1s");
        registry.add("switch.sync.retry-interval", () -> "1s");
        registry.add("switch.sync.review-interval", () -> "1s");
        registry.add("switch.sync.max-attempts", () -> "4");
        registry.add("switch.sync.poll-interval", () -> "500ms");
        // YoungTableAnalyzeJobIT runs the job itself; in the background it would race that test.
        registry.add("switch.db.analyze-interval", () -> "1h");
        // DeletedAccountCredentialsIT runs the purge itself, without the grace a running server gives a delete.
        registry.add("switch.connector.purge-interval", () -> "1h");
        registry.add("switch.connector.purge-grace", () -> "0s");
    }

    /**
     * Reads with {@code read} every 200 ms until {@code until} holds, for at most {@code timeout}; answers the last
     * read, or fails naming {@code what} and what it last read.
     */
    protected static <T> T poll(String what, Duration timeout, Supplier<T> read, Predicate<T> until) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = read.get();
        while (!until.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("%s did not reach the expected state within %s; last read: %s", what, timeout, last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }

    /** Whether a sync row's {@code next_sync_at} is parked: its scheduled syncs used up, waiting for a start. */
    protected static boolean parked(Map<String, Object> row) {
        return row.get("next_sync_at") instanceof Timestamp t && t.toInstant().equals(PaymentSettings.SYNC_PARKED);
    }

    /** How many payments the merchant has, as stored. */
    protected long payments(TestMerchant m) {
        return jdbc.sql("select count(*) from payment_intent where merchant_id = ?").params(m.merchantId())
                .query(Long.class).single();
    }

    public static Path dataDir() {
        return DATA_DIR;
    }

    private static Path createDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An id nobody else in this JVM uses. */
    protected static String unique(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    }

    protected Response send(String method, String path, String apiKey, String body) {
        return send(method, path, apiKey, body, "application/json");
    }

    protected Response send(String method, String path, String apiKey, String body, String contentType) {
        return send(method, path, apiKey, body, contentType, Map.of());
    }

    /** A JSON request with more headers, e.g. {@code X-Profile-Id}. */
    protected Response sendWithHeaders(String method, String path, String apiKey, String body,
                                       Map<String, String> headers) {
        return send(method, path, apiKey, body, "application/json", headers);
    }

    private Response send(String method, String path, String apiKey, String body, String contentType,
                          Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(b::header);
        if (apiKey != null) {
            b.header("api-key", apiKey);
        }
        if (body != null && contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        CardDataWatch.noteRequest(body);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            CardDataWatch.checkAnswer(method + " " + path, r.body(), r.headers());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response get(String path, String apiKey) {
        return send("GET", path, apiKey, null);
    }

    protected Response post(String path, String apiKey, String body) {
        return send("POST", path, apiKey, body);
    }

    protected Response delete(String path, String apiKey) {
        return send("DELETE", path, apiKey, null);
    }

    /** A fresh merchant with a secret key; answers the key. */
    protected TestMerchant newMerchant() {
        String merchantId = unique("merchant");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + merchantId + "\"}").expect(200);
        String key = post("/api_keys/" + merchantId, ADMIN_KEY, "{\"name\":\"test\",\"expiration\":\"never\"}")
                .expect(200).json().get("api_key").stringValue();
        return new TestMerchant(merchantId, key);
    }

    public record TestMerchant(String merchantId, String apiKey) {
    }

    /** The reference at the simulator of the merchant's payment's n-th attempt: what its counts are kept by. */
    protected static String processorReference(String merchantId, String paymentId, int attempt) {
        return ProcessorReferences.of(merchantId, paymentId + "_" + attempt);
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Response expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", body).isEqualTo(expected);
            return this;
        }

        /** Asserts the reference error envelope with this status and code (and, if any, its optional reason). */
        public Response expectError(int expectedStatus, String code) {
            expect(expectedStatus);
            JsonNode error = json().get("error");
            assertThat(error).as("error envelope in %s", body).isNotNull();
            assertThat(json().propertyNames()).containsExactly("error");
            assertThat(List.copyOf(error.propertyNames())).isIn(List.of("type", "message", "code"),
                    List.of("type", "message", "code", "reason"));
            assertThat(error.get("code").stringValue()).isEqualTo(code);
            // The reference's wire type follows the HTTP class; 501 (not implemented) counts as the client's.
            assertThat(error.get("type").stringValue())
                    .isEqualTo(expectedStatus >= 500 && expectedStatus != 501 ? "api" : "invalid_request");
            return this;
        }

        public String message() {
            return json().get("error").get("message").stringValue();
        }

        /** The error's optional {@code reason}, or null. */
        public String reason() {
            JsonNode reason = json().get("error").get("reason");
            return reason == null ? null : reason.stringValue();
        }
    }
}
