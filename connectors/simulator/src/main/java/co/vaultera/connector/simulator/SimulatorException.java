package co.vaultera.connector.simulator;

/**
 * A refusal by the simulated processor, carried to its HTTP API as {@code {"error":{"code","message"}}} with
 * {@link #httpStatus()}.
 */
public class SimulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;

    /**
     * @param httpStatus the status the HTTP API answers with
     * @param code       a stable machine-readable code
     * @param message    a human-readable reason
     */
    public SimulatorException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static SimulatorException invalid(String code, String message) {
        return new SimulatorException(400, code, message);
    }

    static SimulatorException notFound(String what) {
        return new SimulatorException(404, "resource_missing", "No such " + what);
    }

    /** The HTTP status of the answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The error code. */
    public String code() {
        return code;
    }
}
