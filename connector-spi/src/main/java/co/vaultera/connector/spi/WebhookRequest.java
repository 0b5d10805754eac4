package co.vaultera.connector.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incoming processor webhook, as received (payments.md §10).
 *
 * @param account       the merchant's processor account the webhook URL names
 * @param webhookSecret the account's {@code connector_webhook_details.merchant_secret}, or {@code null}
 * @param headers       the request headers, names as received
 * @param body          the exact body bytes, which signatures cover
 */
public record WebhookRequest(ConnectorAccount account, String webhookSecret, Map<String, List<String>> headers,
                             byte[] body) {

    /** Copies headers and body. */
    public WebhookRequest {
        Require.present(account, "account");
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

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest that && account.equals(that.account)
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return (account.hashCode() * 31 + headers.hashCode()) * 31 + Arrays.hashCode(body);
    }

    /** Leaves out the secret, header values and body: they hold credentials and customer data. */
    @Override
    public String toString() {
        return "WebhookRequest[account=" + account + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes]";
    }
}
