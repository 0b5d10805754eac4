package co.vaultera.connector.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A merchant's account at one processor, decrypted by the core for the duration of a call: the
 * {@code connector_account_details} and {@code metadata} of a merchant connector account.
 *
 * <p>{@link #toString()} masks every credential so the record can appear in logs and exception messages.
 *
 * @param connectorName       the connector's name, e.g. {@code stripe_test}
 * @param merchantConnectorId the core's id of this account
 * @param authType            Hyperswitch's {@code auth_type}, e.g. {@code HeaderKey}, {@code BodyKey}, {@code SignatureKey}
 * @param apiKey              the processor API key
 * @param key1                a second credential (merchant account id, client id …), or {@code null}
 * @param apiSecret           a third credential (signing secret …), or {@code null}
 * @param metadata            the account's metadata as parsed JSON (maps, lists, strings, numbers, booleans);
 *                            connectors read their own settings from it and treat it as read-only
 */
public record ConnectorAccount(String connectorName, String merchantConnectorId, String authType, String apiKey,
                               String key1, String apiSecret, Map<String, Object> metadata) {

    /** Requires a name and an auth type; copies the metadata so later changes by the caller do not show through. */
    public ConnectorAccount {
        Require.text(connectorName, "connectorName");
        Require.text(authType, "authType");
        // LinkedHashMap rather than Map.copyOf: parsed JSON may hold null values.
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** An account with {@code auth_type} {@code HeaderKey}: one API key sent in a header. */
    public static ConnectorAccount headerKey(String connectorName, String merchantConnectorId, String apiKey,
                                             Map<String, Object> metadata) {
        return new ConnectorAccount(connectorName, merchantConnectorId, "HeaderKey", apiKey, null, null, metadata);
    }

    @Override
    public String toString() {
        return "ConnectorAccount[connectorName=" + connectorName
                + ", merchantConnectorId=" + merchantConnectorId
                + ", authType=" + authType
                + ", apiKey=" + mask(apiKey)
                + ", key1=" + mask(key1)
                + ", apiSecret=" + mask(apiSecret)
                + ", metadataKeys=" + metadata.keySet() + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "***";
    }
}
