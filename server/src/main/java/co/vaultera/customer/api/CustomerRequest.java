package co.vaultera.customer.api;

import static co.vaultera.common.Pii.hidden;

import co.vaultera.common.JsonFields;
import co.vaultera.common.Limits;
import co.vaultera.common.Metadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spec's {@code CustomerRequest}, for create and update. Unknown top-level keys are ignored (the spec leaves
 * this object open); values of the wrong JSON type are rejected, never coerced. {@code customer_id} and
 * {@code description} are trimmed. On update {@code customer_id} is not read. {@link #toString()} hides the personal
 * data (everything but the id).
 */
public record CustomerRequest(String customerId, String name, String email, String phone, String description,
                              String phoneCountryCode, AddressDetails address, ObjectNode metadata) {

    public static CustomerRequest forCreate(JsonNode body) {
        JsonFields f = JsonFields.body(body);
        String id = f.string("customer_id");
        return read(f, id == null ? null : Limits.identifier("customer_id", id));
    }

    public static CustomerRequest forUpdate(JsonNode body) {
        return read(JsonFields.body(body), null);
    }

    private static CustomerRequest read(JsonFields f, String customerId) {
        String email = f.string("email", 255);
        if (email != null && !email.equals("Redacted")) {
            Limits.email("email", email);
        }
        String description = f.string("description");
        if (description != null) {
            description = description.strip();
            Limits.minChars("description", description, 1);
            Limits.maxChars("description", description, 255);
        }
        JsonFields address = f.object("address");
        return new CustomerRequest(
                customerId,
                f.string("name", 255),
                email,
                f.string("phone", 255),
                description,
                f.string("phone_country_code", 255),
                address == null ? null : AddressDetails.read(address),
                Metadata.read(f, "metadata"));
    }

    @Override
    public String toString() {
        return "CustomerRequest[customerId=" + customerId + ", name=" + hidden(name) + ", email=" + hidden(email)
                + ", phone=" + hidden(phone) + ", description=" + hidden(description) + ", phoneCountryCode="
                + hidden(phoneCountryCode) + ", address=" + address + ", metadata=" + hidden(metadata) + "]";
    }
}
