package co.vaultera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Retrieve, update, delete (redaction) and list of customers. */
class CustomerLifecycleIT extends ApiTestSupport {

    private TestMerchant merchant;
    private String id;

    @BeforeEach
    void customer() {
        merchant = newMerchant();
        id = unique("cus");
        post("/customers", merchant.apiKey(), """
                {"customer_id":"%s","name":"Ana","email":"ana@example.com","phone":"123","description":"d",
                 "phone_country_code":"+351","metadata":{"a":"1","b":"2"},
                 "address":{"city":"Lisbon","country":"PT","line1":"Rua 1","zip":"1000"}}
                """.formatted(id)).expect(200);
    }

    private JsonNode fetch() {
        return get("/customers/" + id, merchant.apiKey()).expect(200).json();
    }

    @Test
    void retrieveAnswersTheStoredCustomerWithItsAddress() {
        JsonNode c = fetch();
        assertThat(c.get("name").stringValue()).isEqualTo("Ana");
        assertThat(c.get("address").get("city").stringValue()).isEqualTo("Lisbon");
        assertThat(c.get("address").get("line1").stringValue()).isEqualTo("Rua 1");
    }

    @Test
    void retrieveOfAnUnknownIdIsA404WithHe02() {
        assertThat(get("/customers/cus_doesnotexist", merchant.apiKey()).expectError(404, "HE_02").message())
                .isEqualTo("Customer does not exist in our records");
    }

    @Test
    void retrieveOfAnIdThatBreaksTheIdRulesIsTheSame404() {
        get("/customers/" + "a".repeat(65), merchant.apiKey()).expectError(404, "HE_02");
        get("/customers/bad%20id", merchant.apiKey()).expectError(404, "HE_02");
    }

    @Test
    void updateChangesOnlyTheFieldsSent() {
        JsonNode updated = post("/customers/" + id, merchant.apiKey(), "{\"name\":\"Ana Maria\",\"email\":null}")
                .expect(200).json();
        assertThat(updated.get("name").stringValue()).isEqualTo("Ana Maria");
        assertThat(updated.get("email").stringValue()).isEqualTo("ana@example.com");
        assertThat(updated.get("phone").stringValue()).isEqualTo("123");
        assertThat(fetch()).isEqualTo(updated);
    }

    @Test
    void updateReplacesMetadataWhole() {
        post("/customers/" + id, merchant.apiKey(), "{\"metadata\":{\"c\":\"3\"}}").expect(200);
        assertThat(fetch().get("metadata").propertyNames()).containsExactly("c");
    }

    @Test
    void updateChangesTheStoredAddressFieldsSentAndKeepsTheOthers() {
        post("/customers/" + id, merchant.apiKey(), "{\"address\":{\"city\":\"Porto\"}}").expect(200);
        JsonNode address = fetch().get("address");
        assertThat(address.get("city").stringValue()).isEqualTo("Porto");
        assertThat(address.get("line1").stringValue()).isEqualTo("Rua 1");
    }

    @Test
    void updateCreatesAnAddressForACustomerThatHadNone() {
        String other = unique("cus");
        post("/customers", merchant.apiKey(), "{\"customer_id\":\"" + other + "\"}").expect(200);
        post("/customers/" + other, merchant.apiKey(), "{\"address\":{\"country\":\"DE\",\"city\":\"Berlin\"}}")
                .expect(200);
        assertThat(get("/customers/" + other, merchant.apiKey()).json().get("address").get("city").stringValue())
                .isEqualTo("Berlin");
    }

    @Test
    void updateValidatesLikeCreate() {
        post("/customers/" + id, merchant.apiKey(), "{\"name\":\"" + "x".repeat(256) + "\"}")
                .expectError(400, "IR_06");
        post("/customers/" + id, merchant.apiKey(), "{\"address\":{\"planet\":\"Mars\"}}").expectError(400, "IR_06");
    }

    @Test
    void updateOfAnUnknownCustomerIsA404() {
        post("/customers/cus_nobody", merchant.apiKey(), "{\"name\":\"x\"}").expectError(404, "HE_02");
    }

    @Test
    void deleteRedactsPiiKeepsTheRowAndAnswersAllFlagsTrue() {
        JsonNode deleted = delete("/customers/" + id, merchant.apiKey()).expect(200).json();
        assertThat(deleted.toString()).isEqualTo("{\"customer_id\":\"" + id + "\",\"customer_deleted\":true,"
                + "\"address_deleted\":true,\"payment_methods_deleted\":true}");
        JsonNode c = fetch();
        for (String f : List.of("name", "email", "phone", "phone_country_code", "description")) {
            assertThat(c.get(f).stringValue()).as(f).isEqualTo("Redacted");
        }
        for (String f : List.of("city", "line1", "zip")) {
            assertThat(c.get("address").get(f).stringValue()).as(f).isEqualTo("Redacted");
        }
        assertThat(c.get("address").get("country").stringValue()).isEqualTo("PT");
        assertThat(c.get("metadata").get("a").stringValue()).isEqualTo("1");
    }

    @Test
    void updateAndDeleteOfARedactedCustomerAreRejectedWithIr11() {
        delete("/customers/" + id, merchant.apiKey()).expect(200);
        post("/customers/" + id, merchant.apiKey(), "{\"name\":\"again\"}").expectError(400, "IR_11");
        delete("/customers/" + id, merchant.apiKey()).expectError(400, "IR_11");
    }

    @Test
    void deleteOfAnUnknownCustomerIsA404() {
        delete("/customers/cus_nobody", merchant.apiKey()).expectError(404, "HE_02");
    }

    @Test
    void listAnswersOldestFirstWithoutAddressesAndPagesWithLimitAndOffset() {
        List<String> ids = new ArrayList<>(List.of(id));
        for (int i = 0; i < 3; i++) {
            String next = unique("cus");
            post("/customers", merchant.apiKey(), "{\"customer_id\":\"" + next + "\",\"address\":{\"city\":\"x\"}}")
                    .expect(200);
            ids.add(next);
        }
        JsonNode all = get("/customers/list", merchant.apiKey()).expect(200).json();
        assertThat(all.isArray()).isTrue();
        assertThat(all.valueStream().map(c -> c.get("customer_id").stringValue()).toList()).isEqualTo(ids);
        assertThat(all.valueStream().allMatch(c -> c.get("address").isNull())).isTrue();

        JsonNode page = get("/customers/list?limit=2&offset=1", merchant.apiKey()).expect(200).json();
        assertThat(page.valueStream().map(c -> c.get("customer_id").stringValue()).toList())
                .isEqualTo(ids.subList(1, 3));
    }

    @Test
    void listDefaultsToTenItems() {
        for (int i = 0; i < 11; i++) {
            post("/customers", merchant.apiKey(), "{}").expect(200);
        }
        assertThat(get("/customers/list", merchant.apiKey()).expect(200).json().size()).isEqualTo(10);
    }

    @Test
    void listIncludesRedactedCustomers() {
        delete("/customers/" + id, merchant.apiKey()).expect(200);
        assertThat(get("/customers/list", merchant.apiKey()).json().get(0).get("name").stringValue())
                .isEqualTo("Redacted");
    }

    @Test
    void listRejectsLimitsOutsideOneToHundredAndBadOffsetsWithTheEnvelope() {
        get("/customers/list?limit=0", merchant.apiKey()).expectError(400, "IR_06");
        get("/customers/list?limit=101", merchant.apiKey()).expectError(400, "IR_06");
        get("/customers/list?limit=abc", merchant.apiKey()).expectError(400, "IR_06");
        get("/customers/list?offset=-1", merchant.apiKey()).expectError(400, "IR_06");
        get("/customers/list?limit=100", merchant.apiKey()).expect(200);
    }
}
