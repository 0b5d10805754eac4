package co.vaultera.crypto;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;

/**
 * One merchant's AES-256 data key, unwrapped, with the merchant id bound into every ciphertext it makes.
 * Field values are bound to {@code merchant | record | field}: a value moved to another record, another field
 * or another merchant no longer decrypts.
 */
public final class DataKey {

    private final String merchantId;
    private final SecretKey key;

    DataKey(String merchantId, SecretKey key) {
        this.merchantId = merchantId;
        this.key = key;
    }

    public String merchantId() {
        return merchantId;
    }

    /** Encrypts a value; {@code null} stays {@code null}. */
    public byte[] encrypt(String plaintext, String recordId, String field) {
        if (plaintext == null) {
            return null;
        }
        return Aead.encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), aad(recordId, field));
    }

    public String decrypt(byte[] ciphertext, String recordId, String field) {
        if (ciphertext == null) {
            return null;
        }
        return new String(Aead.decrypt(key, ciphertext, aad(recordId, field)), StandardCharsets.UTF_8);
    }

    private byte[] aad(String recordId, String field) {
        return (merchantId + '\u0000' + recordId + '\u0000' + field).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DataKey[" + merchantId + "]";
    }
}
