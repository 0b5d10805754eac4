package co.vaultera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CustomerCreateIT extends ApiTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = newMerchant();
    }

    private Response create(String body) {
        return post("/customers", merchant.apiKey(), body);
    }

    @Test
    void createResponseMatchesTheGoldenBodyFieldForFieldAndInOrder() throws Exception {
        String request = new String(getClass().getResourceAsStream("/api/customer-create-request.json").readAllBytes(),
                StandardCharsets.UTF_8);
        String golden = new String(getClass().getResourceAsStream("/api/customer-create-response.json")
                .readAllBytes(), StandardCharsets.UTF_8);
        String id = unique("cus");
        Response r = create(request.replace("cus_4fT9qLm2ZxR7bN0cVw1K", id)).expect(200);

        ObjectNode actual = (ObjectNode) r.json();
        ObjectNode expected = (ObjectNode) JSON.readTree(golden.replace("cus_4fT9qLm2ZxR7bN0cVw1K", id));
        assertThat(actual.get("created_at").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        expected.put("created_at", actual.get("created_at").stringValue());
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.propertyNames()).containsExactlyElementsOf(expected.propertyNames());
        assertThat(actual.get("address").propertyNames()).containsExactlyElementsOf(expected.get("address").propertyNames());
    }

    @Test
    void generatesACustomerIdOfCusAndTwentyAlphanumericsWhenNoneIsGiven() {
        String id = create("{\"name\":\"Jon\"}").expect(200).json().get("customer_id").stringValue();
        assertThat(id).matches("cus_[0-9A-Za-z]{20}");
    }

    @Test
    void answersEveryResponseFieldEvenWhenEmpty() {
        JsonNode body = create("{}").expect(200).json();
        assertThat(body.propertyNames()).containsExactly("customer_id", "name", "email", "phone",
                "phone_country_code", "description", "address", "created_at", "metadata", "default_payment_method_id");
        assertThat(body.get("address").isNull()).isTrue();
    }

    @Test
    void trimsTheCustomerIdAndStoresTheTrimmedValue() {
        String id = unique("cus");
        create("{\"customer_id\":\"  " + id + " \"}").expect(200);
        assertThat(get("/customers/" + id, merchant.apiKey()).expect(200).json().get("customer_id").stringValue())
                .isEqualTo(id);
    }

    @Test
    void rejectsACustomerIdLongerThanSixtyFourCharacters() {
        String message = create("{\"customer_id\":\"" + "a".repeat(65) + "\"}").expectError(400, "IR_06").message();
        assertThat(message).contains("customer_id").contains("64");
    }

    @Test
    void rejectsACustomerIdWithCharactersOutsideTheAllowedSet() {
        String message = create("{\"customer_id\":\"cus abc\"}").expectError(400, "IR_06").message();
        assertThat(message).contains("customer_id").contains("invalid character");
    }

    @Test
    void rejectsACustomerIdThatIsEmptyAfterTrimming() {
        create("{\"customer_id\":\"   \"}").expectError(400, "IR_06");
    }

    @Test
    void returnsTheStoredCustomerUnchangedWhenTheIdAlreadyExists() {
        String id = unique("cus");
        JsonNode first = create("{\"customer_id\":\"" + id + "\",\"name\":\"First\",\"address\":{\"city\":\"Oslo\"}}")
                .expect(200).json();
        JsonNode second = create("{\"customer_id\":\"" + id + "\",\"name\":\"Second\",\"email\":\"x@y.io\"}")
                .expect(200).json();
        assertThat(second).isEqualTo(first);
        assertThat(get("/customers/" + id, merchant.apiKey()).json()).isEqualTo(first);
    }

    @Test
    void concurrentCreatesOfOneIdAllAnswerTheSameCustomerAndStoreOneRow() throws Exception {
        String id = unique("cus");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String body = "{\"customer_id\":\"" + id + "\",\"name\":\"n" + i + "\",\"address\":{\"city\":\"c" + i + "\"}}";
            calls.add(() -> create(body));
        }
        List<JsonNode> bodies = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (Future<Response> f : pool.invokeAll(calls)) {
                bodies.add(f.get().expect(200).json());
            }
        }
        assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.getFirst()));
        assertThat(jdbc.sql("select count(*) from customer where merchant_id = ? and customer_id = ?")
                .params(merchant.merchantId(), id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from address where merchant_id = ? and customer_id = ?")
                .params(merchant.merchantId(), id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesToReuseTheIdOfADeletedCustomer() {
        String id = unique("cus");
        create("{\"customer_id\":\"" + id + "\"}").expect(200);
        delete("/customers/" + id, merchant.apiKey()).expect(200);
        assertThat(create("{\"customer_id\":\"" + id + "\"}").expectError(400, "IR_11").message())
                .isEqualTo("Customer has already been redacted");
    }

    @Test
    void ignoresUnknownTopLevelFields() {
        create("{\"name\":\"Jon\",\"favourite_colour\":\"green\",\"merchant_id\":\"someone_else\"}").expect(200);
    }

    @Test
    void acceptsStringsOfExactlyTheLimitCountingUnicodeCodePoints() {
        String emoji255 = "😀".repeat(255);
        JsonNode body = create("{\"name\":\"" + emoji255 + "\"}").expect(200).json();
        assertThat(body.get("name").stringValue()).isEqualTo(emoji255);
    }
}
