package co.vaultera.apikey;

import co.vaultera.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hash of secret API keys (HMAC-SHA256 under a sub-key of the master key). Keys are long random strings
 * checked on every request, so a fast keyed hash is right here; a password hash would tax every call.
 */
@Component
public class ApiKeyHasher {

    private final Mac prototype;

    public ApiKeyHasher(MasterKey masterKey) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(masterKey.derive("api-key-hash"), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] hash(String plaintextKey) {
        try {
            // Mac is not thread-safe; a clone of an initialised prototype skips the key setup.
            Mac mac = (Mac) prototype.clone();
            return mac.doFinal(plaintextKey.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
