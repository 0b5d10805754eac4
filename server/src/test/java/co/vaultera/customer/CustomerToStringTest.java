package co.vaultera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.customer.api.CustomerRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CustomerToStringTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] PII = {"Ada Lovelace", "ada@example.com", "5551234", "+44", "Prefers email",
        "London", "12 Marylebone", "Flat 1", "Rear", "NW1", "Greater London", "Ada", "Lovelace", "vip"};

    @Test
    void aCustomerRequestShowsItsIdAndTheAddressCountryButNoPersonalData() {
        JsonNode body = JSON.readTree("""
                {"customer_id":"cus_1","name":"Ada Lovelace","email":"ada@example.com","phone":"5551234",
                 "phone_country_code":"+44","description":"Prefers email","metadata":{"tier":"vip"},
                 "address":{"city":"London","country":"GB","line1":"12 Marylebone","line2":"Flat 1","line3":"Rear",
                            "zip":"NW1","state":"Greater London","first_name":"Ada","last_name":"Lovelace"}}
                """);

        String shown = CustomerRequest.forCreate(body).toString();

        assertThat(shown).contains("cus_1", "GB").doesNotContain(PII);
    }

    @Test
    void aStoredCustomerShowsItsIdsAndTheAddressCountryButNoPersonalData() {
        ObjectNode metadata = JSON.createObjectNode().put("tier", "vip");
        Customer customer = new Customer("cus_1", "Ada Lovelace", "ada@example.com", "5551234", "+44",
                "Prefers email", new Customer.Address("add_1", "London", "GB", "12 Marylebone", "Flat 1", "Rear",
                "NW1", "Greater London", "Ada", "Lovelace"), metadata, "pm_1", Instant.EPOCH, false);

        assertThat(customer.toString()).contains("cus_1", "add_1", "GB", "pm_1").doesNotContain(PII);
    }
}
