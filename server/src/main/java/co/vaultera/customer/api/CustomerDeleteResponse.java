package co.vaultera.customer.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"customer_id", "customer_deleted", "address_deleted", "payment_methods_deleted"})
public record CustomerDeleteResponse(String customerId, boolean customerDeleted, boolean addressDeleted,
                                     boolean paymentMethodsDeleted) {
}
