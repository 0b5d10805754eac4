package co.vaultera.web.auth;

import co.vaultera.common.Ids;
import co.vaultera.config.SecretFiles;
import co.vaultera.config.SwitchProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The deployment-wide admin key: {@code SWITCH_ADMIN_API_KEY}, or one generated on first start and kept in the
 * data dir. Compared in constant time; never stored in the database.
 */
@Component
public class AdminKey {

    private static final Logger log = LoggerFactory.getLogger(AdminKey.class);
    private final byte[] key;

    public AdminKey(SwitchProperties props) {
        String configured = props.adminApiKey().strip();
        if (configured.isEmpty()) {
            Path file = props.dataDir().resolve("admin-api-key");
            SecretFiles.Secret secret = SecretFiles.readOrCreate(file, () -> "adm_" + Ids.alphanumeric(48));
            configured = secret.value();
            // Logged once, when it is made, so the operator can start using it; later starts only name the file.
            if (secret.created()) {
                log.info("generated admin API key {} (kept in {})", configured, file.toAbsolutePath());
            } else {
                log.info("admin API key is in {}", file.toAbsolutePath());
            }
        }
        this.key = configured.getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
