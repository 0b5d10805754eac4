package co.vaultera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every limit, format and enum of the spec's CustomerRequest and AddressDetails, one rule per test. */
class CustomerValidationIT extends ApiTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = newMerchant();
    }

    private Response create(String body) {
        return post("/customers", merchant.apiKey(), body);
    }

    private static String field(String path, String jsonValue) {
        if (path.startsWith("address.")) {
            return "{\"address\":{\"" + path.substring(8) + "\":" + jsonValue + "}}";
        }
        return "{\"" + path + "\":" + jsonValue + "}";
    }

    @ParameterizedTest(name = "{0} accepts {1} characters and rejects {1}+1")
    @CsvSource({"name,255", "phone,255", "description,255", "phone_country_code,255", "address.city,50",
            "address.line1,200", "address.line2,50", "address.line3,50", "address.zip,50", "address.first_name,255",
            "address.last_name,255"})
    void rejectsStringsLongerThanTheSpecLimitAndNamesFieldAndLimit(String path, int limit) {
        create(field(path, "\"" + "é".repeat(limit) + "\"")).expect(200);
        String message = create(field(path, "\"" + "é".repeat(limit + 1) + "\"")).expectError(400, "IR_06").message();
        assertThat(message).contains(path).contains(String.valueOf(limit));
    }

    @Test
    void rejectsAnEmailLongerThan255Characters() {
        String local = "a".repeat(64);
        String domain = IntStream.range(0, 4).mapToObj(i -> "b".repeat(60)).collect(Collectors.joining(".")) + ".io";
        String message = create("{\"email\":\"" + local + "@" + domain + "\"}").expectError(400, "IR_06").message();
        assertThat(message).contains("email").contains("255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "a@b", "a@-b.com", "a b@c.io", "@example.com", "a@[127.0.0.1]",
            "\\\"quoted\\\"@x.io", "a@b..io"})
    void rejectsEmailsThatAreNotAddresses(String email) {
        assertThat(create("{\"email\":\"" + email + "\"}").expectError(400, "IR_06").message()).contains("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jon@test.com", "JonTest@test.com", "a.b+c_d@sub-domain.example.co.uk", "Redacted"})
    void acceptsEmailsOfTheReferenceFormat(String email) {
        create("{\"email\":\"" + email + "\"}").expect(200);
    }

    @Test
    void rejectsAnEmptyDescription() {
        assertThat(create("{\"description\":\"   \"}").expectError(400, "IR_06").message()).contains("description");
    }

    @Test
    void storesTheDescriptionTrimmed() {
        assertThat(create("{\"description\":\"  First Customer  \"}").expect(200).json().get("description")
                .stringValue()).isEqualTo("First Customer");
    }

    @Test
    void rejectsACountryOutsideTheSpecEnum() {
        assertThat(create(field("address.country", "\"XX\"")).expectError(400, "IR_06").message())
                .contains("unknown variant `XX`").contains("address.country");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO", "US", "AX", "ZW"})
    void acceptsEveryCountryOfTheSpecEnum(String country) {
        create(field("address.country", "\"" + country + "\"")).expect(200);
    }

    @Test
    void rejectsAnUnknownKeyInsideTheAddress() {
        assertThat(create(field("address.origin_zip", "\"12345\"")).expectError(400, "IR_06").message())
                .contains("unknown field `address.origin_zip`");
    }

    @ParameterizedTest(name = "{0} = {1} is a 400 naming the field")
    @CsvSource(delimiter = '|', value = {"name|5", "email|true", "phone|12345", "description|{}", "address|\"x\"",
            "address.city|1", "metadata|\"text\"", "metadata|[1]", "customer_id|7"})
    void rejectsAValueOfTheWrongJsonTypeWithoutCoercion(String path, String jsonValue) {
        String message = create(field(path, jsonValue)).expectError(400, "IR_06").message();
        assertThat(message).contains(path);
    }

    @Test
    void acceptsFiftyMetadataKeysAndRejectsFiftyOne() {
        create("{\"metadata\":" + metadataWithKeys(50) + "}").expect(200);
        assertThat(create("{\"metadata\":" + metadataWithKeys(51) + "}").expectError(400, "IR_06").message())
                .contains("metadata").contains("50");
    }

    @Test
    void rejectsAMetadataKeyLongerThanFortyCharacters() {
        create("{\"metadata\":{\"" + "k".repeat(40) + "\":\"v\"}}").expect(200);
        create("{\"metadata\":{\"" + "k".repeat(41) + "\":\"v\"}}").expectError(400, "IR_06");
    }

    @Test
    void rejectsAMetadataValueLongerThanFiveHundredCharacters() {
        create("{\"metadata\":{\"k\":\"" + "v".repeat(500) + "\"}}").expect(200);
        create("{\"metadata\":{\"k\":\"" + "v".repeat(501) + "\"}}").expectError(400, "IR_06");
    }

    @Test
    void countsANonStringMetadataValueByItsCompactJsonLength() {
        String array498 = "[\"" + "x".repeat(494) + "\"]"; // compact text: 498 characters
        create("{\"metadata\":{\"k\":" + array498 + "}}").expect(200);
        String array502 = "[\"" + "x".repeat(498) + "\"]";
        create("{\"metadata\":{\"k\":" + array502 + "}}").expectError(400, "IR_06");
    }

    @Test
    void acceptsNullForEveryOptionalField() {
        create("{\"customer_id\":null,\"name\":null,\"email\":null,\"phone\":null,\"description\":null,"
                + "\"phone_country_code\":null,\"address\":null,\"metadata\":null}").expect(200);
    }

    @Test
    void rejectsABodyThatIsNotAJsonObject() {
        create("[1,2]").expectError(400, "IR_06");
    }

    private static String metadataWithKeys(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"k" + i + "\":\"v\"").collect(Collectors.joining(",", "{", "}"));
    }
}
