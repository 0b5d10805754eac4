package co.vaultera.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Creates, wraps and unwraps merchants' data keys (envelope encryption, like a KMS {@code GenerateDataKey}).
 * Unwrapped keys are cached per merchant: a data key never changes once created, and unwrapping on every request
 * would cost an AES operation plus a read of the wrapped key.
 */
@Component
public class DataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final MasterKey masterKey;
    private final Map<String, Cached> unwrapped = new ConcurrentHashMap<>();

    public DataKeys(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    /** A new random data key for {@code merchantId}, returned wrapped by the master key for storage. */
    public byte[] newWrappedKey(String merchantId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        try {
            return Aead.encrypt(masterKey.key(), raw, wrapAad(merchantId));
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /** The unwrapped key of {@code merchantId}, given the wrapped form stored with the merchant. */
    public DataKey unwrap(String merchantId, byte[] wrapped) {
        Cached cached = unwrapped.get(merchantId);
        // Comparing the wrapped bytes keeps a re-created merchant of the same id from using a stale key.
        if (cached != null && java.util.Arrays.equals(cached.wrapped(), wrapped)) {
            return cached.key();
        }
        byte[] raw = Aead.decrypt(masterKey.key(), wrapped, wrapAad(merchantId));
        SecretKey key = new SecretKeySpec(raw, "AES");
        java.util.Arrays.fill(raw, (byte) 0);
        DataKey dataKey = new DataKey(merchantId, key);
        unwrapped.put(merchantId, new Cached(wrapped.clone(), dataKey));
        return dataKey;
    }

    private record Cached(byte[] wrapped, DataKey key) {
    }

    /** Drops a merchant's cached key (merchant deleted). */
    public void forget(String merchantId) {
        unwrapped.remove(merchantId);
    }

    private static byte[] wrapAad(String merchantId) {
        return ("data-key\u0000" + merchantId + "\u0000v" + MasterKey.VERSION).getBytes(StandardCharsets.UTF_8);
    }
}
