package co.vaultera.crypto;

/** A failed encryption or decryption; never carries key material or plaintext. */
public class CryptoException extends RuntimeException {
    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
