package co.vaultera.connector.spi;

/**
 * The only way a connector talks to its processor. The core supplies the implementation (timeouts, metrics,
 * tracing), so connectors carry no HTTP stack of their own and tests can serve fixtures locally.
 *
 * <p>Implementations must never log request or response bodies or header values: they hold card data and
 * credentials.
 */
public interface ConnectorHttpClient {

    /**
     * Sends the request and waits for the complete response, whatever its HTTP status.
     *
     * @return the processor's response, including 4xx and 5xx ones
     * @throws ConnectorException with {@link ConnectorError#UNKNOWN_OUTCOME} when the request timed out or the
     *                            connection failed once sending may have begun: the processor may have acted.
     *                            Implementations that cannot tell whether sending began must assume it did.
     */
    ConnectorHttpResponse send(ConnectorHttpRequest request);
}
