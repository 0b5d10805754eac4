package co.vaultera.connector.spi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request from a connector to its processor, sent by the core's {@link ConnectorHttpClient}.
 *
 * <p>Bodies carry card numbers and headers carry credentials, so {@link #toString()} shows neither.
 *
 * @param method  the HTTP method
 * @param url     absolute URL
 * @param headers header names to values, in order
 * @param body    the body bytes; empty for none
 * @param timeout how long to wait for the whole response before giving up with
 *                {@link ConnectorError#UNKNOWN_OUTCOME}
 */
public record ConnectorHttpRequest(HttpMethod method, URI url, Map<String, String> headers, byte[] body,
                                   Duration timeout) {

    /** Copies headers and body so the request cannot change after it is built. */
    public ConnectorHttpRequest {
        Require.present(method, "method");
        Require.present(url, "url");
        Require.present(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body.clone();
    }

    /** A request with a UTF-8 text body, typically JSON. */
    public static ConnectorHttpRequest of(HttpMethod method, URI url, Map<String, String> headers, String body,
                                          Duration timeout) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return new ConnectorHttpRequest(method, url, headers, bytes, timeout);
    }

    /** A copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectorHttpRequest that && method == that.method && url.equals(that.url)
                && headers.equals(that.headers) && Arrays.equals(body, that.body) && timeout.equals(that.timeout);
    }

    @Override
    public int hashCode() {
        return ((method.hashCode() * 31 + url.hashCode()) * 31 + headers.hashCode()) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "ConnectorHttpRequest[" + method + " " + url + ", headers=" + headers.keySet()
                + ", body=" + body.length + " bytes, timeout=" + timeout + "]";
    }
}
