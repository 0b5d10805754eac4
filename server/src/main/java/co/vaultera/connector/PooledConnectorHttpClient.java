package co.vaultera.connector;

import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.ConnectorHttpClient;
import co.vaultera.connector.spi.ConnectorHttpRequest;
import co.vaultera.connector.spi.ConnectorHttpResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The core's HTTP/1.1 client for connectors: blocking calls over a pool of keep-alive connections, which suits the
 * virtual thread each request runs on. It replaced the JDK client on the payment path because that client's
 * asynchronous machinery (a selector thread, futures, hand-offs between threads) cost the server about as much CPU
 * per processor call as serving the merchant's request did.
 *
 * <p>A processor call is never repeated here (no automatic retries, no redirects followed): whether a call that
 * failed after sending may be retried is the payment state machine's decision, made with the idempotency key.
 * The request's timeout bounds the wait for a pooled connection and every wait for the processor's bytes; the
 * connection is given 5 s. Logs nothing of bodies or headers.
 */
public final class PooledConnectorHttpClient implements ConnectorHttpClient, AutoCloseable {

    private final CloseableHttpClient client;

    /** @param maxConnectionsPerHost keep-alive connections kept and opened at most per processor host */
    public PooledConnectorHttpClient(int maxConnectionsPerHost) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(maxConnectionsPerHost)
                        // Room for a few processor hosts at their limit at once.
                        .setMaxConnTotal(maxConnectionsPerHost * 4)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                // A connection idle this long is checked before reuse: the processor may have
                                // closed it, and a request sent on a dead connection has an unknown outcome.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                // Connections left idle after a burst are closed in the background rather than held open until
                // the processor drops them.
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .build();
    }

    @Override
    public ConnectorHttpResponse send(ConnectorHttpRequest request) {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method().name(), request.url());
        Timeout timeout = Timeout.of(request.timeout());
        http.setConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build());
        request.headers().forEach(http::addHeader);
        byte[] body = request.body();
        if (body.length > 0) {
            http.setEntity(new ByteArrayEntity(body, null));
        }
        try {
            return client.execute(http, response -> new ConnectorHttpResponse(response.getCode(),
                    headers(response.getHeaders()),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (SocketTimeoutException | ConnectionRequestTimeoutException e) {
            // Even a connect timeout is reported as unknown: the contract asks for caution, not cleverness.
            throw new ConnectorException(ConnectorError.UNKNOWN_OUTCOME, "timeout",
                    "No answer from the processor within " + request.timeout().toMillis() + " ms", e);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.UNKNOWN_OUTCOME, "interrupted",
                    "Interrupted while waiting for the processor", e);
        } catch (IOException e) {
            throw new ConnectorException(ConnectorError.UNKNOWN_OUTCOME, "io_error",
                    "Connection to the processor failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Map<String, List<String>> headers(Header[] headers) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Header header : headers) {
            byName.computeIfAbsent(header.getName(), n -> new ArrayList<>(1)).add(header.getValue());
        }
        return byName;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
