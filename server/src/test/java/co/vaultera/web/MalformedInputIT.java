package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input gets a clear error, never a 5xx, on the payment, refund, customer and connector-account routes that
 * take a body: each field of a valid body (nested ones included) is left out, then replaced in turn by values of
 * another type, range or shape; and whole bodies that are not JSON objects are sent. Every answer must be a success
 * or a 4xx in the error envelope. About 2,400 requests (16 s); the routes' own ITs check which 4xx and message each
 * case gets.
 */
class MalformedInputIT extends ApiTestSupport {

    /** Values no field takes in all its forms: wrong types, out-of-range numbers, huge, empty and odd strings. */
    private static final List<JsonNode> WRONG_VALUES = List.of("null", "true", "0", "-1", "1.5", "1e300",
                    "1000000000000000000000000000000", "-1000000000000000000", "\"\"", "\"" + "x".repeat(5000) + "\"",
                    "\"\\u0000\"", "\"١٢٣\"", "\"2030-13-45T99:99:99Z\"", "[]", "{}", "[1]", "{\"a\":1}",
                    "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]").stream()
            .map(JSON::readTree).toList();

    private static final List<String> NOT_AN_OBJECT = List.of("", "{", "[]", "null", "42", "\"text\"",
            "{\"amount\":1000,", "{}{}", "{\"a\":" .repeat(3000));

    private static final String CARD = """
            {"card_number":"4242424242424242","card_exp_month":"12","card_exp_year":"2030",
             "card_holder_name":"Ada Lovelace","card_cvc":"123"}""";
    private static final String ADDRESS = """
            {"address":{"line1":"1 Main St","city":"Austin","country":"US","zip":"78701"},
             "phone":{"number":"5551234567","country_code":"+1"},"email":"ada@example.com"}""";

    private TestMerchant merchant;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @BeforeEach
    void merchantWithAccountAndCustomer() {
        merchant = newMerchant();
        post(connectors(), merchant.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"sk_test_malformed"}}""")
                .expect(200);
        post("/customers", merchant.apiKey(), "{\"customer_id\":\"cus_malformed\"}").expect(200);
    }

    @Test
    void paymentCreateAnswersEveryMalformedBodyWithA4xx() {
        fuzz("POST", "/payments", """
                {"amount":1000,"currency":"USD","confirm":true,"capture_method":"manual","customer_id":"cus_malformed",
                 "description":"d","return_url":"https://shop.test/back","payment_method":"card",
                 "payment_method_type":"credit","payment_method_data":{"card":%s,"billing":%s},"billing":%s,
                 "shipping":%s,"email":"ada@example.com","name":"Ada","phone":"5551234567","phone_country_code":"+1",
                 "metadata":{"k":"v"},"authentication_type":"no_three_ds","statement_descriptor_name":"S",
                 "statement_descriptor_suffix":"T","session_expiry":900,"connector":["stripe_test"],
                 "order_details":[{"product_name":"p","quantity":1,"amount":1000}],
                 "merchant_order_reference_id":"o1","setup_future_usage":"on_session"}"""
                .formatted(CARD, ADDRESS, ADDRESS, ADDRESS));
    }

    @Test
    void paymentUpdateConfirmCaptureAndCancelAnswerEveryMalformedBodyWithA4xx() {
        fuzz("POST", "/payments/" + payment("{\"amount\":1000,\"currency\":\"USD\"}"), """
                {"amount":2000,"currency":"EUR","description":"x","metadata":{"a":"b"},"customer_id":"cus_malformed",
                 "return_url":"https://shop.test/back"}""");
        fuzz("POST", "/payments/" + payment("{\"amount\":1000,\"currency\":\"USD\"}") + "/confirm", """
                {"payment_method":"card","payment_method_data":{"card":%s},"return_url":"https://shop.test/back"}"""
                .formatted(CARD));
        String authorized = payment("""
                {"amount":1000,"currency":"USD","confirm":true,"capture_method":"manual_multiple",
                 "payment_method":"card","payment_method_data":{"card":%s}}""".formatted(CARD));
        fuzz("POST", "/payments/" + authorized + "/capture", "{\"amount_to_capture\":1}");
        fuzz("POST", "/payments/" + authorized + "/cancel", "{\"cancellation_reason\":\"r\"}");
    }

    @Test
    void refundCreateAndListAnswerEveryMalformedBodyWithA4xx() {
        String charged = payment("""
                {"amount":100000,"currency":"USD","confirm":true,"payment_method":"card",
                 "payment_method_data":{"card":%s}}""".formatted(CARD));
        fuzz("POST", "/refunds", """
                {"payment_id":"%s","amount":1,"reason":"r","refund_id":"ref_malformed","metadata":{"a":"b"}}"""
                .formatted(charged));
        fuzz("POST", "/refunds/list", "{\"payment_id\":\"%s\",\"limit\":10,\"offset\":0}".formatted(charged));
    }

    @Test
    void customerAndConnectorAccountRoutesAnswerEveryMalformedBodyWithA4xx() {
        fuzz("POST", "/customers", """
                {"customer_id":"cus_other","name":"n","email":"ada@example.com","phone":"1","phone_country_code":"+1",
                 "description":"d","address":{"line1":"1 Main St","city":"Austin","country":"US"},
                 "metadata":{"a":"b"}}""");
        fuzz("POST", "/customers/cus_malformed", "{\"name\":\"n\",\"metadata\":{\"a\":\"b\"}}");
        fuzz("POST", connectors(), """
                {"connector_type":"payment_processor","connector_name":"adyen_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"sk_x"},
                 "metadata":{"simulator":{"latency_ms":0}},"disabled":false,"test_mode":true,
                 "connector_label":"lbl","payment_methods_enabled":[{"payment_method":"card"}]}""");
    }

    private String connectors() {
        return "/account/" + merchant.merchantId() + "/connectors";
    }

    private String payment(String body) {
        return post("/payments", merchant.apiKey(), body).expect(200).json().get("payment_id").stringValue();
    }

    /** Sends every malformed variant of {@code validBody} and asserts that none answered outside the rules. */
    private void fuzz(String method, String path, String validBody) {
        JsonNode valid = JSON.readTree(validBody);
        for (List<Object> field : fields(valid, new ArrayList<>(), new ArrayList<>())) {
            check(method, path, without(valid, field).toString(), "without " + field);
            for (JsonNode wrong : WRONG_VALUES) {
                check(method, path, with(valid, field, wrong).toString(), field + " = " + abbreviated(wrong));
            }
        }
        for (String body : NOT_AN_OBJECT) {
            check(method, path, body, "body " + abbreviated(body));
        }
        assertThat(failures).as("%d requests to %s %s", requests, method, path).isEmpty();
    }

    private void check(String method, String path, String body, String variant) {
        requests++;
        Response r = send(method, path, merchant.apiKey(), body);
        boolean ok = r.status() < 500;
        if (ok && r.status() >= 400) {
            JsonNode error = r.json().get("error");
            ok = error != null && error.get("type") != null && error.get("message") != null
                    && error.get("code") != null && !error.get("message").stringValue().isBlank();
        }
        if (!ok && failures.size() < 20) {
            failures.add(variant + " -> " + r.status() + " " + abbreviated(r.body()));
        }
    }

    /** The paths of every field of {@code node}, nested ones and array elements included (names and indexes). */
    private static List<List<Object>> fields(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                List<Object> path = new ArrayList<>(at);
                path.add(name);
                out.add(path);
                fields(node.get(name), path, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> path = new ArrayList<>(at);
                path.add(i);
                out.add(path);
                fields(node.get(i), path, out);
            }
        }
        return out;
    }

    private static JsonNode with(JsonNode valid, List<Object> field, JsonNode value) {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = parentOf(copy, field);
        Object last = field.getLast();
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
        return copy;
    }

    private static JsonNode without(JsonNode valid, List<Object> field) {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = parentOf(copy, field);
        Object last = field.getLast();
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else {
            ((ArrayNode) parent).remove((int) (Integer) last);
        }
        return copy;
    }

    private static JsonNode parentOf(JsonNode root, List<Object> field) {
        JsonNode node = root;
        for (Object step : field.subList(0, field.size() - 1)) {
            node = step instanceof String name ? node.get(name) : node.get((Integer) step);
        }
        return node;
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 60) + "… (" + text.length() + " chars)";
    }
}
