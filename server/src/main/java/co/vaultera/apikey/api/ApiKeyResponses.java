package co.vaultera.apikey.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Wire shapes of the API-key routes. */
public final class ApiKeyResponses {

    private ApiKeyResponses() {
    }

    /** The create response: the only place the plaintext key ever appears. */
    @JsonPropertyOrder({"key_id", "merchant_id", "name", "description", "api_key", "created", "expiration"})
    public record Created(String keyId, String merchantId, String name, String description, String apiKey,
                          String created, String expiration) {
        @Override
        public String toString() {
            return "Created[" + keyId + "]";
        }
    }

    @JsonPropertyOrder({"key_id", "merchant_id", "name", "description", "prefix", "created", "expiration"})
    public record Retrieved(String keyId, String merchantId, String name, String description, String prefix,
                            String created, String expiration) {
    }

    @JsonPropertyOrder({"merchant_id", "key_id", "revoked"})
    public record Revoked(String merchantId, String keyId, boolean revoked) {
    }
}
