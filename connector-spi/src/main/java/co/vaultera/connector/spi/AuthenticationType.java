package co.vaultera.connector.spi;

/** Whether the merchant asked for 3-D Secure on this payment. */
public enum AuthenticationType {
    /** Ask the processor to run 3DS; it may still be frictionless. */
    THREE_DS,
    /** No 3DS requested; a processor may still demand it (then the result carries a redirect). */
    NO_THREE_DS
}
