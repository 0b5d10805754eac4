package co.vaultera.connector.spi;

/** The HTTP methods a connector needs, for its own calls and for redirect forms shown to the shopper. */
public enum HttpMethod {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE
}
