package co.vaultera.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh 96-bit nonce per message. Output layout: {@code version(1) | nonce(12) | ciphertext+tag(16)}.
 * The associated data binds a ciphertext to its owner, so a value copied to another row or merchant fails to decrypt.
 */
final class Aead {

    static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        return encrypt(newCipher(), key, plaintext, associatedData);
    }

    static byte[] decrypt(SecretKey key, byte[] message, byte[] associatedData) {
        return decrypt(newCipher(), key, message, associatedData);
    }

    static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM is not available", e);
        }
    }

    /** With a caller's cipher object, which may be reused: re-initialising it with the same key is cheap. */
    static byte[] encrypt(Cipher cipher, SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT_V1).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("encryption failed", e);
        }
    }

    static byte[] decrypt(Cipher cipher, SecretKey key, byte[] message, byte[] associatedData) {
        if (message.length < 1 + NONCE_BYTES + TAG_BITS / 8 || message[0] != FORMAT_V1) {
            throw new CryptoException("ciphertext has an unknown format", null);
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(message, 1 + NONCE_BYTES, message.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new CryptoException("ciphertext failed authentication (wrong key or wrong owner)", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("decryption failed", e);
        }
    }
}
