package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /payments/list}: {@code {size, data}}, newest first, filters and paging. */
class PaymentListIT extends PaymentTestSupport {

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = merchantWithConnector();
    }

    /** Creates {@code n} payments a few milliseconds apart; answers their ids oldest first. */
    private List<String> createPayments(int n, String customerId) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String customer = customerId == null ? "" : ",\"customer_id\":\"" + customerId + "\"";
            ids.add(id(create(merchant, "{\"amount\":" + (100 + i) + ",\"currency\":\"USD\"" + customer + "}")));
            sleep(3);
        }
        return ids;
    }

    private JsonNode list(String query) {
        return get("/payments/list" + query, merchant.apiKey()).expect(200).json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("data").valueStream().map(PaymentTestSupport::id).toList();
    }

    private String newCustomer() {
        String customerId = unique("cus");
        post("/customers", merchant.apiKey(), "{\"customer_id\":\"" + customerId + "\"}").expect(200);
        return customerId;
    }

    @Test
    void listAnswersSizeAndDataNewestFirst() {
        List<String> ids = createPayments(3, null);
        JsonNode page = list("");
        assertThat(page.propertyNames()).containsExactlyInAnyOrder("size", "data");
        assertThat(page.get("size").intValue()).isEqualTo(3);
        assertThat(ids(page)).containsExactlyElementsOf(ids.reversed());
        assertThat(page.get("data").get(0).get("amount").longValue()).isEqualTo(102);
    }

    @Test
    void anEmptyListHasSizeZero() {
        JsonNode page = list("");
        assertThat(page.get("size").intValue()).isZero();
        assertThat(page.get("data").isArray()).isTrue();
        assertThat(page.get("data").size()).isZero();
    }

    @Test
    void listItemsAreFullPaymentsWithTheirCurrentStatus() {
        JsonNode paid = pay(merchant, VISA);
        JsonNode item = list("").get("data").get(0);
        assertThat(id(item)).isEqualTo(id(paid));
        assertThat(status(item)).isEqualTo("succeeded");
        assertThat(item.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(text(item.get("payment_method_data").get("card"), "last4")).isEqualTo("4242");
        assertThat(item.toString()).doesNotContain(VISA);
    }

    @Test
    void customerIdFiltersToThatCustomersPayments() {
        String alice = newCustomer();
        String bob = newCustomer();
        List<String> alices = createPayments(2, alice);
        List<String> bobs = createPayments(1, bob);
        createPayments(1, null);

        JsonNode page = list("?customer_id=" + alice);
        assertThat(page.get("size").intValue()).isEqualTo(2);
        assertThat(ids(page)).containsExactlyElementsOf(alices.reversed());
        assertThat(page.get("data").valueStream().map(p -> p.get("customer_id").stringValue())).containsOnly(alice);
        assertThat(ids(list("?customer_id=" + bob))).containsExactlyElementsOf(bobs);
        assertThat(list("?customer_id=cus_nobody").get("size").intValue()).isZero();
        assertThat(list("").get("size").intValue()).isEqualTo(4);
    }

    @Test
    void limitAndOffsetPageThroughNewestFirst() {
        List<String> newestFirst = createPayments(5, null).reversed();
        JsonNode first = list("?limit=2");
        assertThat(first.get("size").intValue()).isEqualTo(2);
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(list("?limit=2&offset=2"))).containsExactlyElementsOf(newestFirst.subList(2, 4));
        JsonNode last = list("?limit=2&offset=4");
        assertThat(last.get("size").intValue()).isEqualTo(1);
        assertThat(ids(last)).containsExactly(newestFirst.get(4));
        assertThat(list("?offset=5").get("size").intValue()).isZero();
    }

    @Test
    void listDefaultsToTenItems() {
        createPayments(11, null);
        assertThat(list("").get("size").intValue()).isEqualTo(10);
        assertThat(list("?limit=100").get("size").intValue()).isEqualTo(11);
    }

    @Test
    void createdGteKeepsOnlyPaymentsCreatedFromThatInstant() {
        List<String> ids = createPayments(3, null);
        String from = retrieve(merchant, ids.get(1)).get("created").stringValue();
        JsonNode page = list("?created.gte=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
        assertThat(ids(page)).containsExactly(ids.get(2), ids.get(1));
    }

    @Test
    void badPagingParametersAreA400WithIr06() {
        get("/payments/list?limit=0", merchant.apiKey()).expectError(400, "IR_06");
        get("/payments/list?limit=101", merchant.apiKey()).expectError(400, "IR_06");
        get("/payments/list?limit=abc", merchant.apiKey()).expectError(400, "IR_06");
        get("/payments/list?offset=-1", merchant.apiKey()).expectError(400, "IR_06");
        get("/payments/list?created.gte=yesterday", merchant.apiKey()).expectError(400, "IR_06");
        // Valid ISO-8601 that no timestamp column holds: a 400, not a 500 from the database.
        get("/payments/list?created.gte=%2B999999-01-01T00:00:00Z", merchant.apiKey()).expectError(400, "IR_06");
        get("/payments/list?created.lt=-5000-01-01T00:00:00Z", merchant.apiKey()).expectError(400, "IR_06");
        get("/payments/list?offset=2147483648", merchant.apiKey()).expectError(400, "IR_06");
        get("/payments/list?created.lte=9999-12-31T23:59:59Z", merchant.apiKey()).expect(200);
    }

    @Test
    void startingAfterAndEndingBeforePageFromAPaymentNewestFirst() {
        List<String> ids = createPayments(5, null);
        // Listed newest first: 4 3 2 1 0.

        assertThat(ids(list("?starting_after=" + ids.get(3) + "&limit=2"))).containsExactly(ids.get(2), ids.get(1));
        assertThat(ids(list("?ending_before=" + ids.get(1) + "&limit=2"))).containsExactly(ids.get(3), ids.get(2));
        assertThat(ids(list("?ending_before=" + ids.get(1)))).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(ids(list("?starting_after=" + ids.get(0)))).isEmpty();
    }

    @Test
    void aCursorMustBeOneOfTheMerchantsPaymentsAndOnlyOneCursorIsTaken() {
        List<String> ids = createPayments(2, null);
        TestMerchant other = merchantWithConnector();
        String theirs = id(create(other, "{\"amount\":100,\"currency\":\"USD\"}"));

        get("/payments/list?starting_after=" + theirs, merchant.apiKey()).expectError(404, "HE_02");
        get("/payments/list?ending_before=pay_00000000000000000000", merchant.apiKey()).expectError(404, "HE_02");
        get("/payments/list?starting_after=" + ids.get(1) + "&ending_before=" + ids.get(0), merchant.apiKey())
                .expectError(400, "IR_06");
    }

    @Test
    void anUnknownQueryParameterIsA400NamingIt() {
        Response r = get("/payments/list?status=succeeded", merchant.apiKey());

        r.expectError(400, "IR_06");
        assertThat(r.message()).contains("unknown query parameter `status`");
    }
}
