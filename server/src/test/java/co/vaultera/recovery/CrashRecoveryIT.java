package co.vaultera.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.ProcessorReferences;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kill-and-retry: the switch process is killed (SIGKILL) after the processor charged the card but before the
 * switch wrote the answer or the idempotent response; it restarts on the same data, and the client retries with
 * the same Idempotency-Key. The retry must yield one consistent final state and no second authorization.
 * Alongside, a payment left {@code processing} with no sync scheduled any more is settled by the restarted
 * switch's sync job alone.
 *
 * <p>The processor (simulator) runs in a second server process, so it survives the crash with the charge it made.
 * Both processes run the packaged jar, as in production.
 */
class CrashRecoveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "crash_test_admin_key";
    private static final String PROCESSOR_KEY = "sk_test_crash_recovery_0001";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process p : processes) {
            p.destroy(); // SIGTERM: the server stops its PostgreSQL on the way out
        }
        for (Process p : processes) {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aRetryAfterTheSwitchDiedMidChargeSettlesThePaymentWithOneAuthorization() throws Exception {
        Path jar = Path.of("target", "vaultera-switch.jar");
        Assumptions.assumeTrue(Files.exists(jar), "needs the packaged jar (runs in mvn verify)");
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "crash-");

        int processorPort = freePort();
        start(jar, work.resolve("processor"), processorPort, Map.of());
        int switchPort = freePort();
        Map<String, String> switchEnv = Map.of(
                "SWITCH_SIMULATOR_BASE_URL", "http://127.0.0.1:" + processorPort,
                "SWITCH_IDEMPOTENCY_LEASE", "2s",
                // The background sync stays out of the way: the retry must settle the payment by itself.
                "SWITCH_SYNC_FIRST_DELAY", "600s",
                // No scheduled sync after an unknown outcome: such a payment is at once where the last scheduled
                // sync would leave it, and only a start puts it back on the schedule.
                "SWITCH_SYNC_MAX_ATTEMPTS", "0",
                "SWITCH_SYNC_POLL_INTERVAL", "500ms");
        Process firstLife = start(jar, work.resolve("switch"), switchPort, switchEnv);

        String base = "http://localhost:" + switchPort;
        call("POST", base + "/accounts", ADMIN, "{\"merchant_id\":\"crash_m\"}");
        String apiKey = call("POST", base + "/api_keys/crash_m", ADMIN, "{\"name\":\"k\",\"expiration\":\"never\"}")
                .get("api_key").stringValue();
        call("POST", base + "/account/crash_m/connectors", apiKey, """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"},
                 "metadata":{"simulator":{"fault":"timeout_after_charge","fault_delay_ms":60000}}}
                """.formatted(PROCESSOR_KEY));
        // The other payment: a processor error (HTTP 500, nothing charged) through a second account without the
        // timeout fault, so its outcome is unknown and, with no sync scheduled, it stays processing.
        String plainAccount = call("POST", base + "/account/crash_m/connectors", apiKey, """
                {"connector_type":"payment_processor","connector_name":"stripe_test","connector_label":"plain",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"}}
                """.formatted(PROCESSOR_KEY)).get("merchant_connector_id").stringValue();
        JsonNode unheard = call("POST", base + "/payments", apiKey, """
                {"amount":1500,"currency":"EUR","confirm":true,"connector":["%s"],"payment_method_data":{"card":{
                 "card_number":"4000000000000507","card_exp_month":"12","card_exp_year":"2031","card_cvc":"123"}}}
                """.formatted(plainAccount));
        assertThat(unheard.get("status").stringValue()).isEqualTo("processing");
        String unheardId = unheard.get("payment_id").stringValue();

        String paymentId = call("POST", base + "/payments", apiKey, """
                {"amount":4200,"currency":"EUR","payment_method_data":{"card":{"card_number":"4242424242424242",
                 "card_exp_month":"12","card_exp_year":"2031","card_cvc":"123"}}}
                """).get("payment_id").stringValue();

        // The confirm reaches the processor, which charges and then holds its answer; we die meanwhile.
        HttpRequest confirm = request("POST", base + "/payments/" + paymentId + "/confirm", apiKey, "{}")
                .header("Idempotency-Key", "confirm-" + paymentId).build();
        http.sendAsync(confirm, HttpResponse.BodyHandlers.discarding());
        String processorPayment = "http://127.0.0.1:" + processorPort + "/simulator/payments?reference="
                + ProcessorReferences.of("crash_m", paymentId + "_1");
        waitUntil(() -> status(request("GET", processorPayment, null, null)
                .header("X-Simulator-Api-Key", PROCESSOR_KEY).build()) == 200, "the processor recorded the charge");
        firstLife.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        processes.remove(firstLife);

        start(jar, work.resolve("switch"), switchPort, switchEnv);
        Thread.sleep(2_500); // past the idempotency lease of the dead request
        HttpResponse<String> retry = http.send(request("POST", base + "/payments/" + paymentId + "/confirm", apiKey,
                "{}").header("Idempotency-Key", "confirm-" + paymentId).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        JsonNode payment = JSON.readTree(retry.body());
        assertThat(payment.get("status").stringValue()).isEqualTo("succeeded");
        assertThat(payment.get("attempt_count").intValue()).isEqualTo(1);
        assertThat(payment.get("amount_received").longValue()).isEqualTo(4200);

        JsonNode atProcessor = JSON.readTree(http.send(request("GET", processorPayment, null, null)
                .header("X-Simulator-Api-Key", PROCESSOR_KEY).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(atProcessor.get("amount_captured").longValue()).isEqualTo(4200);

        // The start put the unheard payment back on the sync schedule; the processor has no record of it, and
        // that look was its last, so it is failed (payments.md §9), its one authorize never repeated.
        waitUntil(() -> !"processing".equals(paymentStatus(base, apiKey, unheardId)),
                "the restarted switch's sync job settles the unheard payment");
        JsonNode settled = call("GET", base + "/payments/" + unheardId, apiKey, null);
        assertThat(settled.get("status").stringValue()).isEqualTo("failed");
        assertThat(settled.get("error_code").stringValue()).isEqualTo("not_found_at_processor");
        assertThat(settled.get("attempt_count").intValue()).isEqualTo(1);
        // The restarted switch asked the processor (GET) but never sent it a money movement (POST).
        String metrics = http.send(request("GET", base + "/actuator/prometheus", null, null).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> connectorCalls = metrics.lines()
                .filter(line -> line.startsWith("switch_connector_http_seconds_count")).toList();
        assertThat(connectorCalls).isNotEmpty().allSatisfy(line -> assertThat(line).contains("method=\"GET\""));

        HttpResponse<String> replay = http.send(request("POST", base + "/payments/" + paymentId + "/confirm", apiKey,
                "{}").header("Idempotency-Key", "confirm-" + paymentId).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.body()).isEqualTo(retry.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    /** The payment's status as the switch answers it, or {@code null} while it cannot answer. */
    private String paymentStatus(String base, String apiKey, String paymentId) {
        try {
            HttpResponse<String> r = http.send(request("GET", base + "/payments/" + paymentId, apiKey, null).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).get("status").stringValue() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Process start(Path jar, Path dataDir, int port, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toAbsolutePath().toString());
        pb.environment().putAll(env);
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("SWITCH_DATA_DIR", dataDir.toString());
        pb.environment().put("SWITCH_ADMIN_API_KEY", ADMIN);
        Files.createDirectories(dataDir);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.out")
                .toFile()));
        Process p = pb.start();
        processes.add(p);
        waitUntil(() -> status(request("GET", "http://localhost:" + port + "/health", null, null).build()) == 200,
                "server on port " + port + " is up");
        return p;
    }

    private JsonNode call(String method, String url, String key, String body) throws Exception {
        HttpResponse<String> r = http.send(request(method, url, key, body).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, url, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpRequest.Builder request(String method, String url, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("api-key", key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    private int status(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
