package co.vaultera.common;

import java.security.SecureRandom;

/** Generated identifiers: a type prefix and random characters from {@code [0-9A-Za-z]} (SecureRandom). */
public final class Ids {

    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String customer() {
        return "cus_" + alphanumeric(20);
    }

    public static String address() {
        return "add_" + alphanumeric(20);
    }

    public static String profile() {
        return "pro_" + alphanumeric(20);
    }

    public static String organization() {
        return "org_" + alphanumeric(20);
    }

    /** {@code pk_{env}_} + 32 hex characters. */
    public static String publishableKey(String env) {
        return "pk_" + env + "_" + hex(32);
    }

    /** {@code {env}_} + 64 alphanumerics: the secret API key, shown once. */
    public static String secretApiKey(String env) {
        return env + "_" + alphanumeric(64);
    }

    public static String apiKeyId(String env) {
        return env + "_" + alphanumeric(20);
    }

    public static String alphanumeric(int length) {
        return random(ALPHANUMERIC, length);
    }

    public static String hex(int length) {
        return random(HEX, length);
    }

    /**
     * Unbiased characters from one bulk read of the CSPRNG (one call instead of one per character: the generator
     * is shared and locked). Bytes at or above the largest multiple of the alphabet size are skipped.
     */
    private static String random(char[] alphabet, int length) {
        int limit = 256 - 256 % alphabet.length;
        char[] out = new char[length];
        byte[] pool = new byte[length + 16];
        int filled = 0;
        while (filled < length) {
            RANDOM.nextBytes(pool);
            for (int i = 0; i < pool.length && filled < length; i++) {
                int b = pool[i] & 0xff;
                if (b < limit) {
                    out[filled++] = alphabet[b % alphabet.length];
                }
            }
        }
        return new String(out);
    }
}
