package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The reference's {@code PaymentsRequest} rejects unknown fields, at the top and in every nested object, on create,
 * update and confirm; so does capture. Each refusal is 400 IR_06 naming the field, and changes nothing. A field the
 * reference knows but whose capability this switch does not offer (mandates, saved methods, routing rules, payment
 * links) is a 501 IR_00 that says so, unless it is sent as {@code null}.
 */
class PaymentUnknownFieldsIT extends PaymentTestSupport {

    private static final String CARD = "\"card_number\":\"" + VISA + "\",\"card_exp_month\":\"12\","
            + "\"card_exp_year\":\"2030\"";

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = merchantWithConnector();
    }


    private static void expectUnknownField(Response r, String field) {
        r.expectError(400, "IR_06");
        assertThat(r.message()).contains("unknown field").contains(field);
    }

    /** A payment with a card, waiting for confirmation. */
    private String unconfirmed() {
        return id(create(merchant, body(1000, "manual", VISA, false)));
    }

    private void assertUnchanged(String paymentId) {
        JsonNode p = retrieve(merchant, paymentId);
        assertThat(status(p)).isEqualTo("requires_confirmation");
        assertThat(p.get("amount").longValue()).isEqualTo(1000);
        assertThat(p.get("billing").isNull()).isTrue();
        assertThat(p.get("shipping").isNull()).isTrue();
        assertThat(p.get("attempt_count").intValue()).isZero();
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), paymentId, 1))).isZero();
    }

    @Test
    void confirmRejectsAnUnknownTopLevelField() {
        String id = unconfirmed();
        expectUnknownField(post("/payments/" + id + "/confirm", merchant.apiKey(), "{\"amount_in_dollars\":10}"),
                "amount_in_dollars");
        assertUnchanged(id);
    }

    @Test
    void confirmRejectsAFieldOnlyCreateTakes() {
        String id = unconfirmed();
        expectUnknownField(post("/payments/" + id + "/confirm", merchant.apiKey(), "{\"payment_id\":\"pay_x\"}"),
                "payment_id");
        expectUnknownField(post("/payments/" + id + "/confirm", merchant.apiKey(), "{\"session_expiry\":600}"),
                "session_expiry");
        assertUnchanged(id);
    }

    @Test
    void updateRejectsAnUnknownTopLevelFieldAndKeepsTheKnownOnesItCameWith() {
        String id = unconfirmed();
        expectUnknownField(post("/payments/" + id, merchant.apiKey(), "{\"amount\":2000,\"colour\":\"red\"}"),
                "colour");
        expectUnknownField(post("/payments/" + id, merchant.apiKey(), "{\"confirm\":true}"), "confirm");
        assertUnchanged(id);
    }

    @Test
    void captureRejectsAnUnknownFieldAndCapturesNothing() {
        JsonNode p = create(merchant, body(1000, "manual", VISA, true));
        assertThat(status(p)).isEqualTo("requires_capture");
        expectUnknownField(post("/payments/" + id(p) + "/capture", merchant.apiKey(), "{\"amount\":500}"),
                "amount");
        expectUnknownField(post("/payments/" + id(p) + "/capture", merchant.apiKey(),
                "{\"amount_to_capture\":500,\"final_capture\":true}"), "final_capture");
        assertThat(simulator.count(Operation.CAPTURE, processorReference(merchant.merchantId(), id(p), 1))).isZero();
        JsonNode after = retrieve(merchant, id(p));
        assertThat(status(after)).isEqualTo("requires_capture");
        assertThat(after.get("amount_capturable").longValue()).isEqualTo(1000);
    }

    /** Nested objects with one unknown key each, and the key the error must name. */
    static Stream<Arguments> nestedUnknownFields() {
        return Stream.of(
                Arguments.of("\"billing\":{\"address\":{\"line1\":\"1 Main St\"},\"fax\":\"1\"}", "billing.fax"),
                Arguments.of("\"billing\":{\"address\":{\"line1\":\"1 Main St\",\"floor\":\"3\"}}",
                        "billing.address.floor"),
                Arguments.of("\"billing\":{\"phone\":{\"number\":\"5550100\",\"extension\":\"2\"}}",
                        "billing.phone.extension"),
                Arguments.of("\"shipping\":{\"address\":{\"city\":\"Paris\",\"planet\":\"Earth\"}}",
                        "shipping.address.planet"),
                Arguments.of("\"shipping\":{\"notes\":\"leave at door\"}", "shipping.notes"),
                Arguments.of("\"shipping\":{\"phone\":{\"number\":\"5550100\",\"ext\":\"9\"}}", "shipping.phone.ext"),
                Arguments.of("\"customer\":{\"id\":\"cus_anyone\",\"nickname\":\"Al\"}", "customer.nickname"),
                Arguments.of("\"payment_method_data\":{\"card\":{" + CARD + "},\"wallet\":{}}",
                        "payment_method_data.wallet"),
                Arguments.of("\"payment_method_data\":{\"card\":{" + CARD + "},\"billing\":{\"address\":"
                        + "{\"line9\":\"x\"}}}", "payment_method_data.billing.address.line9"),
                Arguments.of("\"payment_method_data\":{\"card\":{" + CARD + ",\"pin\":\"1234\"}}",
                        "payment_method_data.card.pin"));
    }

    @ParameterizedTest(name = "create with {1}")
    @MethodSource("nestedUnknownFields")
    void createRejectsAnUnknownNestedField(String fragment, String field) {
        Response r = post("/payments", merchant.apiKey(),
                "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true," + fragment + "}");
        expectUnknownField(r, field);
        assertThat(r.body()).doesNotContain(VISA);
        assertThat(payments(merchant)).isZero();
    }

    @ParameterizedTest(name = "update with {1}")
    @MethodSource("nestedUnknownFields")
    void updateRejectsAnUnknownNestedField(String fragment, String field) {
        String id = unconfirmed();
        expectUnknownField(post("/payments/" + id, merchant.apiKey(), "{" + fragment + "}"), field);
        assertUnchanged(id);
    }

    @ParameterizedTest(name = "confirm with {1}")
    @MethodSource("nestedUnknownFields")
    void confirmRejectsAnUnknownNestedField(String fragment, String field) {
        String id = unconfirmed();
        expectUnknownField(post("/payments/" + id + "/confirm", merchant.apiKey(), "{" + fragment + "}"), field);
        assertUnchanged(id);
    }

    /** Reference fields of capabilities this switch does not offer, each with a value that would ask for it. */
    static Stream<Arguments> unsupportedFields() {
        return Stream.of(
                Arguments.of("capture_on", "\"2030-01-01T00:00:00Z\""),
                Arguments.of("payment_token", "\"token_1234\""),
                Arguments.of("off_session", "true"),
                Arguments.of("customer_acceptance", "{\"acceptance_type\":\"offline\"}"),
                Arguments.of("mandate_data",
                        "{\"mandate_type\":{\"single_use\":{\"amount\":1000,\"currency\":\"USD\"}}}"),
                Arguments.of("mandate_id", "\"man_1\""),
                Arguments.of("recurring_details", "{\"type\":\"mandate_id\",\"data\":\"man_1\"}"),
                Arguments.of("payment_type", "\"setup_mandate\""),
                Arguments.of("routing", "{\"type\":\"single\",\"data\":\"stripe_test\"}"),
                Arguments.of("payment_link", "true"));
    }

    @ParameterizedTest(name = "create with {0}")
    @MethodSource("unsupportedFields")
    void aReferenceFieldOfACapabilityNotOfferedIsA501NamingItAndStoresNothing(String field, String value) {
        Response r = post("/payments", merchant.apiKey(),
                "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,\"" + field + "\":" + value + "}");
        r.expectError(501, "IR_00");
        assertThat(r.message()).startsWith("`" + field + "` is not supported by this switch: ");
        assertThat(payments(merchant)).isZero();
    }

    @ParameterizedTest(name = "confirm with {0}")
    @MethodSource("unsupportedFields")
    void aConfirmWithAFieldOfACapabilityNotOfferedChargesNothing(String field, String value) {
        String id = unconfirmed();
        post("/payments/" + id + "/confirm", merchant.apiKey(), "{\"" + field + "\":" + value + "}")
                .expectError(501, "IR_00");
        assertUnchanged(id);
    }

    @ParameterizedTest(name = "create with {0}: null")
    @MethodSource("unsupportedFields")
    void aFieldOfACapabilityNotOfferedSentAsNullAsksForNothingAndIsIgnored(String field, String value) {
        JsonNode p = create(merchant, "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,\"" + field
                + "\":null," + card(VISA) + "}");
        assertThat(status(p)).isEqualTo("succeeded");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unsupportedRoutes")
    void aReferenceRouteOfACapabilityNotOfferedAnswers501AndChangesNothing(String method, String path,
                                                                              String name) {
        String id = unconfirmed();
        String url = path.replace("{id}", id);
        Response r = "GET".equals(method) ? get(url, merchant.apiKey()) : post(url, merchant.apiKey(), "{}");

        r.expectError(501, "IR_00");
        assertThat(r.message()).startsWith("`" + name + "` is not supported by this switch: ");
        assertUnchanged(id);
    }

    static Stream<Arguments> unsupportedRoutes() {
        return Stream.of(
                Arguments.of("POST", "/payments/session_tokens", "session_tokens"),
                Arguments.of("POST", "/payments/{id}/post_session_tokens", "session_tokens"),
                Arguments.of("POST", "/payments/{id}/cancel_post_capture", "cancel_post_capture"),
                Arguments.of("GET", "/payments/{id}/cancel_post_capture", "cancel_post_capture"),
                Arguments.of("POST", "/payments/{id}/incremental_authorization", "incremental_authorization"),
                Arguments.of("POST", "/payments/{id}/extend_authorization", "extend_authorization"),
                Arguments.of("POST", "/payments/{id}/3ds/authentication", "client-side 3DS"),
                Arguments.of("POST", "/payments/{id}/complete_authorize", "client-side 3DS"),
                Arguments.of("POST", "/payments/{id}/update_metadata", "update_metadata"),
                Arguments.of("POST", "/payments/{id}/eligibility_check", "eligibility"),
                Arguments.of("POST", "/payments/{id}/eligibility", "eligibility"),
                Arguments.of("GET", "/payment_link/plink_123", "payment_link"));
    }

    @Test
    void anUnsupportedRouteStillNeedsTheApiKey() {
        post("/payments/session_tokens", "snd_wrong_key", "{}").expectError(401, "IR_01");
    }
}
