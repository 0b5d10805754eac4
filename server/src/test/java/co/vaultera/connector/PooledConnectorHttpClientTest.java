package co.vaultera.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.ConnectorHttpRequest;
import co.vaultera.connector.spi.ConnectorHttpResponse;
import co.vaultera.connector.spi.HttpMethod;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connectors' HTTP client against a real local HTTP server standing in for a processor. */
class PooledConnectorHttpClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HttpServer processor;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final PooledConnectorHttpClient client = new PooledConnectorHttpClient(16);

    @BeforeEach
    void startProcessor() throws IOException {
        processor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        processor.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        processor.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Api-Key") + " "
                    + new String(body, StandardCharsets.UTF_8) + " from port " + exchange.getRemoteAddress().getPort());
            exchange.getResponseHeaders().add("X-Processor-Request", "req_1");
            answer(exchange, 201, "{\"id\":\"p_1\"}");
        });
        processor.createContext("/unavailable", exchange -> answer(exchange, 503, "{\"error\":\"busy\"}"));
        processor.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/echo");
            answer(exchange, 302, "");
        });
        processor.createContext("/slow", exchange -> {
            seen.add("slow");
            sleep(2_000);
            answer(exchange, 200, "{}");
        });
        processor.createContext("/hang-up", exchange -> {
            seen.add("hang-up");
            exchange.close();
        });
        processor.start();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        processor.stop(0);
    }

    @Test
    void sendsTheMethodHeadersAndBodyAndReturnsStatusHeadersAndBody() {
        ConnectorHttpResponse response = client.send(ConnectorHttpRequest.of(HttpMethod.POST, url("/echo"),
                Map.of("X-Api-Key", "key_1", "Content-Type", "application/json"), "{\"amount\":1000}", TIMEOUT));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("x-processor-request")).isEqualTo("req_1");
        assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"p_1\"}");
        assertThat(seen).singleElement().asString().startsWith("POST key_1 {\"amount\":1000} from port");
    }

    @Test
    void aProcessorErrorStatusIsAnAnswerNotAnException() {
        ConnectorHttpResponse response = client.send(ConnectorHttpRequest.of(HttpMethod.POST, url("/unavailable"),
                Map.of(), "{}", TIMEOUT));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyAsString()).isEqualTo("{\"error\":\"busy\"}");
    }

    @Test
    void aRedirectIsReturnedAsTheAnswerAndNotFollowed() {
        ConnectorHttpResponse response = client.send(ConnectorHttpRequest.of(HttpMethod.GET, url("/moved"),
                Map.of(), null, TIMEOUT));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/echo");
        assertThat(seen).isEmpty();
    }

    @Test
    void consecutiveCallsReuseOneKeptAliveConnection() {
        for (int i = 0; i < 3; i++) {
            client.send(ConnectorHttpRequest.of(HttpMethod.POST, url("/echo"), Map.of(), "{}", TIMEOUT));
        }

        assertThat(seen).hasSize(3);
        assertThat(seen.stream().map(s -> s.substring(s.lastIndexOf(' '))).distinct()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsAnUnknownOutcome() {
        assertThatThrownBy(() -> client.send(ConnectorHttpRequest.of(HttpMethod.POST, url("/slow"), Map.of(), "{}",
                Duration.ofMillis(300))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.error()).isEqualTo(ConnectorError.UNKNOWN_OUTCOME);
                    assertThat(e.code()).isEqualTo("timeout");
                });
        assertThat(seen).containsExactly("slow");
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsAnUnknownOutcomeAndTheCallIsNotRepeated() {
        // A GET, which a client with retries on would repeat on its own.
        assertThatThrownBy(() -> client.send(ConnectorHttpRequest.of(HttpMethod.GET, url("/hang-up"), Map.of(),
                null, TIMEOUT)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.error()).isEqualTo(ConnectorError.UNKNOWN_OUTCOME);
                    assertThat(e.code()).isEqualTo("io_error");
                });
        assertThat(seen).containsExactly("hang-up");
    }

    @Test
    void aRefusedConnectionIsAnUnknownOutcome() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> client.send(ConnectorHttpRequest.of(HttpMethod.POST,
                URI.create("http://127.0.0.1:" + closedPort + "/echo"), Map.of(), "{}", TIMEOUT)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.error()).isEqualTo(ConnectorError.UNKNOWN_OUTCOME);
                    assertThat(e.code()).isEqualTo("io_error");
                });
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + processor.getAddress().getPort() + path);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
