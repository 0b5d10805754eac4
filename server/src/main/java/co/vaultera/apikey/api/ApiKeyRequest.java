package co.vaultera.apikey.api;

import co.vaultera.common.ApiException;
import co.vaultera.common.JsonFields;
import co.vaultera.common.Timestamps;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Body of API-key create and update. {@code expiration} is {@code "never"} or an ISO-8601 date-time; on create
 * it is required, on update every field is optional.
 *
 * @param neverExpires true when the request said {@code "never"} (then {@code expiresAt} is null)
 */
public record ApiKeyRequest(String name, String description, boolean hasExpiration, boolean neverExpires,
                            Instant expiresAt) {

    private static final List<String> FIELDS = List.of("name", "description", "expiration");

    public static ApiKeyRequest forCreate(JsonNode body) {
        JsonFields f = JsonFields.body(body).rejectUnknown(FIELDS);
        if (!f.has("expiration")) {
            throw ApiException.invalidBody("missing field `expiration`");
        }
        return read(f, f.requiredString("name", 64));
    }

    public static ApiKeyRequest forUpdate(JsonNode body) {
        JsonFields f = JsonFields.body(body).rejectUnknown(FIELDS);
        return read(f, f.string("name", 64));
    }

    private static ApiKeyRequest read(JsonFields f, String name) {
        String description = f.string("description", 256);
        String expiration = f.string("expiration");
        if (expiration == null) {
            return new ApiKeyRequest(name, description, false, false, null);
        }
        if (expiration.equals("never")) {
            return new ApiKeyRequest(name, description, true, true, null);
        }
        Instant at = Timestamps.parse(expiration).orElseThrow(() -> ApiException.invalidBody(
                "field `expiration` must be \"never\" or " + Timestamps.ACCEPTED));
        if (!at.isAfter(Instant.now())) {
            throw ApiException.invalidBody("field `expiration` must be in the future");
        }
        return new ApiKeyRequest(name, description, true, false, at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
