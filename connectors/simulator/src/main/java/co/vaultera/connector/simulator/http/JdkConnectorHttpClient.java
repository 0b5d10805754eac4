package co.vaultera.connector.simulator.http;

import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.ConnectorHttpClient;
import co.vaultera.connector.spi.ConnectorHttpRequest;
import co.vaultera.connector.spi.ConnectorHttpResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * A plain {@link ConnectorHttpClient} on the JDK's {@link HttpClient}, for tests and for running the simulator
 * connector before the server supplies its own client (with metrics). Logs nothing.
 */
public final class JdkConnectorHttpClient implements ConnectorHttpClient {

    private final HttpClient client;

    /** A client that never follows redirects (a processor's redirect is an answer, not a hop) and connects in 5 s. */
    public JdkConnectorHttpClient() {
        this(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** @param client the JDK client to send with */
    public JdkConnectorHttpClient(HttpClient client) {
        this.client = client;
    }

    @Override
    public ConnectorHttpResponse send(ConnectorHttpRequest request) {
        byte[] body = request.body();
        HttpRequest.BodyPublisher publisher = body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url())
                .timeout(request.timeout())
                .method(request.method().name(), publisher);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ConnectorHttpResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpTimeoutException e) {
            // Even a connect timeout is reported as unknown: the contract asks for caution, not cleverness.
            throw new ConnectorException(ConnectorError.UNKNOWN_OUTCOME, "timeout",
                    "No answer from the processor within " + request.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ConnectorException(ConnectorError.UNKNOWN_OUTCOME, "io_error",
                    "Connection to the processor failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.UNKNOWN_OUTCOME, "interrupted",
                    "Interrupted while waiting for the processor", e);
        }
    }
}
