package co.vaultera.connector;

import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.ConnectorHttpClient;
import co.vaultera.connector.spi.ConnectorHttpRequest;
import co.vaultera.connector.spi.ConnectorHttpResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The core's HTTP client for connectors: times every call by host and outcome. It logs nothing of bodies or
 * headers, which may hold card data or credentials.
 */
public final class MeteredConnectorHttpClient implements ConnectorHttpClient, AutoCloseable {

    private final ConnectorHttpClient delegate;
    private final MeterRegistry meters;

    public MeteredConnectorHttpClient(ConnectorHttpClient delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public ConnectorHttpResponse send(ConnectorHttpRequest request) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            ConnectorHttpResponse response = delegate.send(request);
            outcome = String.valueOf(response.status() / 100) + "xx";
            return response;
        } catch (ConnectorException e) {
            outcome = e.error() == ConnectorError.UNKNOWN_OUTCOME ? "unknown_outcome" : "error";
            throw e;
        } finally {
            sample.stop(meters.timer("switch.connector.http", "host", String.valueOf(request.url().getHost()),
                    "method", request.method().name(), "outcome", outcome));
        }
    }

    /** Closes the delegate's connections (at shutdown). */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
