package co.vaultera.connector.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A processor's HTTP answer, whatever its status: interpreting 4xx and 5xx is the connector's job.
 *
 * @param status  the HTTP status code
 * @param headers header names (as received) to values
 * @param body    the body bytes; empty for none
 */
public record ConnectorHttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** Copies headers and body. */
    public ConnectorHttpResponse {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body.clone();
    }

    /** A copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, matched without regard to case, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().getFirst();
            }
        }
        return null;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectorHttpResponse that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return (status * 31 + headers.hashCode()) * 31 + Arrays.hashCode(body);
    }

    /** Leaves the body out: processors echo card and customer data. */
    @Override
    public String toString() {
        return "ConnectorHttpResponse[status=" + status + ", body=" + body.length + " bytes]";
    }
}
