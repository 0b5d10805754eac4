package co.vaultera.connector.spi;

/**
 * Thrown by a connector flow when it has no result to return (see {@link PaymentConnector} for when a flow returns
 * and when it throws). Messages never contain card data or credentials.
 */
public class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ConnectorError error;
    private final String code;

    /**
     * @param error   the kind of failure, which drives the core's handling
     * @param code    the processor's error code, or a connector-chosen one such as {@code timeout}; may be {@code null}
     * @param message a human-readable reason, safe to show to the merchant
     */
    public ConnectorException(ConnectorError error, String code, String message) {
        this(error, code, message, null);
    }

    /**
     * @param error   the kind of failure, which drives the core's handling
     * @param code    the processor's error code, or a connector-chosen one; may be {@code null}
     * @param message a human-readable reason, safe to show to the merchant
     * @param cause   the underlying exception, e.g. an {@code IOException}
     */
    public ConnectorException(ConnectorError error, String code, String message, Throwable cause) {
        super(message, cause);
        this.error = Require.present(error, "error");
        this.code = code;
    }

    /** The exception every default flow of {@link PaymentConnector} throws. */
    public static ConnectorException unsupported(String connector, String flow) {
        return new ConnectorException(ConnectorError.UNSUPPORTED, "unsupported_flow",
                "Connector " + connector + " does not support the " + flow + " flow");
    }

    /** The kind of failure. */
    public ConnectorError error() {
        return error;
    }

    /** The processor's or connector's error code, or {@code null}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return "ConnectorException[" + error + (code == null ? "" : ", " + code) + "]: " + getMessage();
    }
}
