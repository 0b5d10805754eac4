package co.vaultera.customer.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/** The spec's {@code CustomerResponse}: every field present, null when empty, in this order. */
@JsonPropertyOrder({"customer_id", "name", "email", "phone", "phone_country_code", "description", "address",
        "created_at", "metadata", "default_payment_method_id"})
public record CustomerResponse(String customerId, String name, String email, String phone, String phoneCountryCode,
                               String description, AddressDetails address, String createdAt, JsonNode metadata,
                               String defaultPaymentMethodId) {
}
