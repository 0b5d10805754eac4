package co.vaultera.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings. The environment variable names ({@code SWITCH_DATABASE_URL}, {@code SWITCH_DATA_DIR},
 * {@code SWITCH_ADMIN_API_KEY}, {@code SWITCH_MASTER_KEY}, {@code SWITCH_API_KEY_PREFIX}) are a contract with ops
 * scripts; Spring's relaxed binding maps them onto these properties.
 *
 * @param dataDir      where the embedded database and generated secrets live
 * @param database     external PostgreSQL; an empty URL means "start the embedded one"
 * @param adminApiKey  admin key for merchant-account and API-key routes; empty means generate one into the data dir
 * @param masterKey    base64 of 32 bytes wrapping every merchant data key; empty is only allowed in embedded mode
 * @param apiKeyPrefix environment prefix of secret keys ({@code snd}, {@code dev}, {@code prd})
 * @param embedded     tuning of the embedded PostgreSQL
 */
@ConfigurationProperties("switch")
public record SwitchProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Database database,
        @DefaultValue("") String adminApiKey,
        @DefaultValue("") String masterKey,
        @DefaultValue("snd") String apiKeyPrefix,
        @DefaultValue Embedded embedded) {

    public record Database(@DefaultValue("") String url, @DefaultValue("") String username,
                           @DefaultValue("") String password, @DefaultValue("32") int maxPoolSize) {

        public boolean external() {
            return !url.isBlank();
        }
    }

    /**
     * @param durable false turns off fsync for throw-away databases (tests); the default run is always durable
     */
    public record Embedded(@DefaultValue("true") boolean durable) {
    }
}
