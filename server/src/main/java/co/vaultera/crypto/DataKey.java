package co.vaultera.crypto;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * One merchant's AES-256 data key, unwrapped, with the merchant id bound into every ciphertext it makes.
 * Field values are bound to {@code merchant | record | field}: a value moved to another record, another field
 * or another merchant no longer decrypts.
 */
public final class DataKey {

    private static final int MAX_POOLED = 64;

    private final String merchantId;
    private final SecretKey key;
    /**
     * Cipher objects for this key, reused: looking a cipher up costs a provider search, and initialising a fresh
     * one expands the AES key again; a reused one skips both. (Pooled, not thread-local: requests run on virtual
     * threads, which are not reused.)
     */
    private final ConcurrentLinkedQueue<Cipher> ciphers = new ConcurrentLinkedQueue<>();

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
        Cipher cipher = borrow();
        try {
            return Aead.encrypt(cipher, key, plaintext.getBytes(StandardCharsets.UTF_8), aad(recordId, field));
        } finally {
            giveBack(cipher);
        }
    }

    public String decrypt(byte[] ciphertext, String recordId, String field) {
        if (ciphertext == null) {
            return null;
        }
        Cipher cipher = borrow();
        try {
            return new String(Aead.decrypt(cipher, key, ciphertext, aad(recordId, field)), StandardCharsets.UTF_8);
        } finally {
            giveBack(cipher);
        }
    }

    private Cipher borrow() {
        Cipher cipher = ciphers.poll();
        return cipher != null ? cipher : Aead.newCipher();
    }

    private void giveBack(Cipher cipher) {
        if (ciphers.size() < MAX_POOLED) {
            ciphers.offer(cipher);
        }
    }

    private byte[] aad(String recordId, String field) {
        return (merchantId + '\u0000' + recordId + '\u0000' + field).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DataKey[" + merchantId + "]";
    }
}
