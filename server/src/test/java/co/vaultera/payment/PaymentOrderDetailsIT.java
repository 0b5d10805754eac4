package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code order_details} (reference §5): the order's lines, accepted on create, update and confirm, validated line by
 * line, stored with the payment and shown in every response; a bad line is a 400 IR_06 naming it, and stores or
 * changes nothing.
 */
class PaymentOrderDetailsIT extends PaymentTestSupport {

    private static final String SHIRT = """
            {"product_name":"Shirt","quantity":2,"amount":1500}""";
    /** Every optional field, given in an order other than the one the response shows. */
    private static final String FULL_LINE = """
            {"unit_discount_amount":100,"total_amount":2900,"total_tax_amount":400,"unit_of_measure":"piece",
             "commodity_code":"6205","upc":"012345678905","sku":"SHOE-42","description":"Running shoe",
             "product_tax_code":"txcd_99999999","brand":"Acme","sub_category":"running","category":"shoes",
             "product_id":"prod_42","tax_rate":0.16,"product_type":"physical",
             "product_img_link":"https://shop.example/s.png","requires_shipping":true,"amount":2500,"quantity":1,
             "product_name":"Shoe"}""";

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = merchantWithConnector();
    }

    /** A 1000 USD card payment ({@code confirm} as given) with {@code order_details} set to {@code lines}. */
    private static String bodyWith(boolean confirm, String lines) {
        String b = body(1000, "automatic", VISA, confirm);
        return b.substring(0, b.length() - 1) + ",\"order_details\":" + lines + "}";
    }

    private static JsonNode lines(JsonNode payment) {
        return payment.get("order_details");
    }

    @Test
    void aPaymentCreatedWithOrderDetailsShowsTheLinesInTheResponseTheRetrieveAndTheList() {
        JsonNode p = create(merchant, bodyWith(true, "[" + SHIRT + "," + FULL_LINE + "]"));
        assertThat(status(p)).isEqualTo("succeeded");
        assertThat(lines(p).toString()).isEqualTo("""
                [{"product_name":"Shirt","quantity":2,"amount":1500},\
                {"product_name":"Shoe","quantity":1,"amount":2500,"requires_shipping":true,\
                "product_img_link":"https://shop.example/s.png","product_type":"physical","tax_rate":0.16,\
                "product_id":"prod_42","category":"shoes","sub_category":"running","brand":"Acme",\
                "product_tax_code":"txcd_99999999","description":"Running shoe","sku":"SHOE-42",\
                "upc":"012345678905","commodity_code":"6205","unit_of_measure":"piece","total_amount":2900,\
                "total_tax_amount":400,"unit_discount_amount":100}]""");
        assertThat(lines(retrieve(merchant, id(p)))).isEqualTo(lines(p));
        JsonNode listed = get("/payments/list?limit=1", merchant.apiKey()).expect(200).json().get("data").get(0);
        assertThat(id(listed)).isEqualTo(id(p));
        assertThat(lines(listed)).isEqualTo(lines(p));
    }

    @Test
    void aPaymentWithoutOrderDetailsShowsNull() {
        JsonNode p = pay(merchant, VISA);
        assertThat(p.has("order_details")).isTrue();
        assertThat(lines(p).isNull()).isTrue();
    }

    @Test
    void anUpdateReplacesTheLinesAnUpdateWithoutThemKeepsThemAndAConfirmMayReplaceThemAgain() {
        String id = id(create(merchant, bodyWith(false, "[" + SHIRT + "]")));
        JsonNode updated = post("/payments/" + id, merchant.apiKey(),
                "{\"order_details\":[" + FULL_LINE + "," + SHIRT + "]}").expect(200).json();
        assertThat(lines(updated)).hasSize(2);
        assertThat(lines(updated).get(0).get("product_name").stringValue()).isEqualTo("Shoe");

        JsonNode kept = post("/payments/" + id, merchant.apiKey(), "{\"description\":\"gift\"}").expect(200).json();
        assertThat(lines(kept)).isEqualTo(lines(updated));

        JsonNode confirmed = post("/payments/" + id + "/confirm", merchant.apiKey(),
                "{\"order_details\":[]}").expect(200).json();
        assertThat(status(confirmed)).isEqualTo("succeeded");
        assertThat(lines(confirmed).isArray()).isTrue();
        assertThat(lines(confirmed)).isEmpty();
        assertThat(lines(retrieve(merchant, id))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{}",
            "\"Shirt\"",
            "[1]",
            "[{\"quantity\":1,\"amount\":100}]",
            "[{\"product_name\":\"Shirt\",\"amount\":100}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":65536,\"amount\":100}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":-1,\"amount\":100}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1.5,\"amount\":100}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":-100}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":1000000000}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":\"100\"}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":10.5}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":100,\"tax_rate\":\"0.2\"}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":100,\"tax_rate\":-0.2}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":100,\"product_type\":\"food\"}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":100,\"colour\":\"red\"}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":100,\"total_amount\":-1}]",
            "[{\"product_name\":\"Shirt\",\"quantity\":1,\"amount\":100,\"requires_shipping\":\"yes\"}]"})
    void aMalformedOrderDetailsIsA400NamingTheFieldAndStoresNothing(String lines) {
        Response r = post("/payments", merchant.apiKey(), bodyWith(true, lines));
        r.expectError(400, "IR_06");
        assertThat(r.message()).contains("order_details");
        assertThat(payments(merchant)).isZero();
    }

    @Test
    void aProductNameOverTwoHundredFiftyFiveCharactersIsRefused() {
        String name = "x".repeat(256);
        Response r = post("/payments", merchant.apiKey(),
                bodyWith(true, "[{\"product_name\":\"" + name + "\",\"quantity\":1,\"amount\":100}]"));
        r.expectError(400, "IR_06");
        assertThat(r.message()).contains("order_details[0].product_name");
        assertThat(payments(merchant)).isZero();
    }

    @Test
    void aBadLineInAnUpdateNamesItsPositionAndKeepsTheStoredLines() {
        String id = id(create(merchant, bodyWith(false, "[" + SHIRT + "]")));
        Response r = post("/payments/" + id, merchant.apiKey(),
                "{\"amount\":2000,\"order_details\":[" + SHIRT + ",{\"product_name\":\"Hat\",\"quantity\":1}]}");
        r.expectError(400, "IR_06");
        assertThat(r.message()).contains("order_details[1].amount");
        JsonNode p = retrieve(merchant, id);
        assertThat(p.get("amount").longValue()).isEqualTo(1000);
        assertThat(lines(p).toString()).isEqualTo("[" + SHIRT.strip() + "]");
    }
}
