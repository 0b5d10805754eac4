package co.vaultera.crypto;

import co.vaultera.config.SecretFiles;
import co.vaultera.config.SwitchProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key-encryption key. It wraps every merchant's data key and never enters the database.
 *
 * <p>From {@code SWITCH_MASTER_KEY}; in embedded mode without it, generated once into the data dir (mode 0600).
 * With an external database a generated key would sit beside nothing that protects it, so we refuse to start.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    /** Recorded beside every wrapped data key so a future master key can re-wrap them. */
    public static final int VERSION = 1;

    private final SecretKeySpec key;

    public MasterKey(SwitchProperties props) {
        this.key = new SecretKeySpec(load(props), "AES");
    }

    SecretKeySpec key() {
        return key;
    }

    /**
     * A 32-byte sub-key for one purpose (e.g. hashing API keys), so one secret serves several uses without
     * any two sharing a key.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("vaultera/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] load(SwitchProperties props) {
        String configured = props.masterKey().strip();
        if (configured.isEmpty()) {
            if (props.database().external()) {
                throw new IllegalStateException("SWITCH_MASTER_KEY is required when SWITCH_DATABASE_URL is set: "
                        + "set it to the base64 of 32 random bytes (e.g. `openssl rand -base64 32`) and keep it "
                        + "apart from the database and its backups");
            }
            var secret = SecretFiles.readOrCreate(props.dataDir().resolve("master.key"), MasterKey::generate);
            if (secret.created()) {
                log.info("generated a master key into {}", props.dataDir().resolve("master.key"));
            }
            configured = secret.value();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SWITCH_MASTER_KEY is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("SWITCH_MASTER_KEY must decode to 32 bytes, got " + bytes.length);
        }
        return bytes;
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
