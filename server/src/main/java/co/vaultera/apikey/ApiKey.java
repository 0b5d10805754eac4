package co.vaultera.apikey;

import java.time.Instant;

/** A stored API key: never the plaintext, only its display prefix. */
public record ApiKey(String merchantId, String keyId, String name, String description, String prefix,
                     Instant createdAt, Instant expiresAt) {
}
