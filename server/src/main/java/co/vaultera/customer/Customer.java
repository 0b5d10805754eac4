package co.vaultera.customer;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** A customer of one merchant, decrypted. {@code redacted} customers keep their id forever and show "Redacted". */
public record Customer(String customerId, String name, String email, String phone, String phoneCountryCode,
                       String description, Address address, ObjectNode metadata, String defaultPaymentMethodId,
                       Instant createdAt, boolean redacted) {

    /** The value every PII field holds after a delete. */
    public static final String REDACTED = "Redacted";

    /** The customer's one stored address; {@code addressId} links it. */
    public record Address(String addressId, String city, String country, String line1, String line2, String line3,
                          String zip, String state, String firstName, String lastName) {
    }
}
