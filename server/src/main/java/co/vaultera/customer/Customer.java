package co.vaultera.customer;

import static co.vaultera.common.Pii.hidden;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer of one merchant, decrypted. {@code redacted} customers keep their id forever and show "Redacted".
 * {@link #toString()} hides the personal data.
 */
public record Customer(String customerId, String name, String email, String phone, String phoneCountryCode,
                       String description, Address address, ObjectNode metadata, String defaultPaymentMethodId,
                       Instant createdAt, boolean redacted) {

    /** The value every PII field holds after a delete. */
    public static final String REDACTED = "Redacted";

    @Override
    public String toString() {
        return "Customer[customerId=" + customerId + ", name=" + hidden(name) + ", email=" + hidden(email)
                + ", phone=" + hidden(phone) + ", phoneCountryCode=" + hidden(phoneCountryCode) + ", description="
                + hidden(description) + ", address=" + address + ", metadata=" + hidden(metadata)
                + ", defaultPaymentMethodId=" + defaultPaymentMethodId + ", createdAt=" + createdAt + ", redacted="
                + redacted + "]";
    }

    /** The customer's one stored address; {@code addressId} links it. Its {@code toString} shows ids and country. */
    public record Address(String addressId, String city, String country, String line1, String line2, String line3,
                          String zip, String state, String firstName, String lastName) {

        @Override
        public String toString() {
            return "Address[addressId=" + addressId + ", country=" + country + ", the rest hidden]";
        }
    }
}
