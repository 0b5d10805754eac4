package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure answers the one envelope with the reference code; nothing internal leaks. */
class ErrorEnvelopeIT extends ApiTestSupport {

    @Test
    void anUnknownUrlIsA404WithIr02() {
        assertThat(get("/no/such/route", null).expectError(404, "IR_02").message()).isEqualTo("Unrecognized request URL");
    }

    @Test
    void aKnownUrlWithTheWrongMethodIsA405WithIr03() {
        send("PUT", "/customers", "x", "{}").expectError(405, "IR_03");
        send("PATCH", "/accounts/abc", ADMIN_KEY, "{}").expectError(405, "IR_03");
    }

    @Test
    void malformedJsonIsA400WithIr06AndTheParserPosition() {
        TestMerchant m = newMerchant();
        String message = post("/customers", m.apiKey(), "{\"name\": ").expectError(400, "IR_06").message();
        assertThat(message).startsWith("Json deserialize error:").contains("line 1");
    }

    @Test
    void aBodyThatNamesAKeyTwiceIsRejected() {
        TestMerchant m = newMerchant();
        assertThat(post("/customers", m.apiKey(), "{\"name\":\"a\",\"name\":\"b\"}").expectError(400, "IR_06")
                .message()).contains("name");
    }

    @Test
    void theBodyIsParsedBeforeTheKeyIsChecked() {
        post("/customers", "not-a-key", "{oops").expectError(400, "IR_06");
    }

    @Test
    void aMissingOrNonJsonContentTypeIsA400ContentTypeError() {
        TestMerchant m = newMerchant();
        assertThat(send("POST", "/customers", m.apiKey(), "{}", "text/plain").expectError(400, "IR_06").message())
                .isEqualTo("Content type error");
        assertThat(send("POST", "/customers", m.apiKey(), "{}", null).expectError(400, "IR_06").message())
                .isEqualTo("Content type error");
    }

    @Test
    void aBodyOverThirtyTwoKibibytesIsRejectedWithTheEnvelope() {
        TestMerchant m = newMerchant();
        String big = "{\"name\":\"" + "x".repeat(33 * 1024) + "\"}";
        assertThat(post("/customers", m.apiKey(), big).expectError(400, "IR_06").message()).contains("32768");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRejectedToo() throws Exception {
        TestMerchant m = newMerchant();
        byte[] big = ("{\"name\":\"" + "x".repeat(40 * 1024) + "\"}").getBytes();
        sendChunked(m, big).expectError(400, "IR_06");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() throws Exception {
        TestMerchant m = newMerchant();
        String name = "Chunked " + "y".repeat(200);
        Response r = sendChunked(m, ("{\"name\":\"" + name + "\"}").getBytes());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").asString()).isEqualTo(name);
    }

    /** POSTs a customer body without a length (HTTP/1.1 chunked), as streaming clients send it. */
    private Response sendChunked(TestMerchant m, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/customers"))
                .header("api-key", m.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers());
    }

    @Test
    void aMissingOrWrongApiKeyIsA401WithIr01() {
        assertThat(get("/customers/list", null).expectError(401, "IR_01").message())
                .isEqualTo("API key not provided or invalid API key used");
        get("/customers/list", "snd_" + "x".repeat(64)).expectError(401, "IR_01");
        get("/customers/list", ADMIN_KEY).expectError(401, "IR_01");
        get("/accounts/list", newMerchant().apiKey()).expectError(401, "IR_01");
    }

    @Test
    void everyResponseCarriesAFreshUuidV7RequestId() {
        Response ok = get("/health", null);
        Response error = get("/nope", null);
        for (Response r : new Response[] {ok, error}) {
            String id = r.headers().firstValue("x-request-id").orElseThrow();
            assertThat(UUID.fromString(id).version()).isEqualTo(7);
            assertThat(r.headers().firstValue("strict-transport-security")).hasValue("max-age=31536000");
        }
        assertThat(ok.headers().firstValue("x-request-id")).isNotEqualTo(error.headers().firstValue("x-request-id"));
    }

    @Test
    void jsonAnswersLeaveWithTheirLengthInsteadOfChunked() {
        TestMerchant m = newMerchant();
        String id = unique("cus");
        post("/customers", m.apiKey(), "{\"customer_id\":\"" + id + "\",\"name\":\"x\"}").expect(200);
        Response retrieved = get("/customers/" + id, m.apiKey()).expect(200);
        Response notFound = get("/customers/" + unique("cus"), m.apiKey()).expectError(404, "HE_02");
        for (Response r : new Response[] {retrieved, notFound}) {
            assertThat(r.headers().firstValue("transfer-encoding")).isEmpty();
            assertThat(r.headers().firstValueAsLong("content-length"))
                    .hasValue(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void anIncomingRequestIdIsIgnored() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                .header("x-request-id", "client-chosen").GET().build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("x-request-id").orElseThrow()).isNotEqualTo("client-chosen");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"description\":\"a\\u0000b\"}", "{\"address\":{\"city\":\"\\u0000\"}}",
            "{\"metadata\":{\"k\\u0000\":\"v\"}}"})
    void aNulCharacterAnywhereInABodyIsA400NamingTheFieldNotA500(String body) {
        TestMerchant m = newMerchant();

        String message = post("/customers", m.apiKey(), body).expectError(400, "IR_06").message();

        assertThat(message).startsWith("Json deserialize error: invalid value for field `")
                .endsWith("text may not contain the NUL character (\\u0000)");
        assertThat(get("/customers/list", m.apiKey()).expect(200).json().size()).isZero();
    }

    @Test
    void aNulCharacterInAQueryParameterIsA400() {
        TestMerchant m = newMerchant();
        assertThat(get("/payments/list?customer_id=%00", m.apiKey()).expectError(400, "IR_06").message())
                .isEqualTo("invalid value for query parameter `customer_id`: text may not contain the NUL character"
                        + " (\\u0000)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/payments/list?limit=5&limit=100", "/customers/list?limit=5&offset=0&limit=100",
            "/payments/pay_x?force_sync=true&limit=1&limit=1"})
    void aQueryParameterGivenTwiceIsA400NamingIt(String path) {
        TestMerchant m = newMerchant();
        assertThat(get(path, m.apiKey()).expectError(400, "IR_06").message())
                .isEqualTo("query parameter `limit` is given 2 times: give it once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/payments/list?limit=%FF", "/customers/list?limit=%C3", "/payments/list?%C0%AF=1"})
    void aQueryStringThatIsNotPercentEncodedUtf8IsA400(String path) {
        TestMerchant m = newMerchant();
        assertThat(get(path, m.apiKey()).expectError(400, "IR_06").message())
                .startsWith("Invalid query string: not valid percent-encoded UTF-8");
    }

    @Test
    void aQueryWithMoreParametersThanTomcatTakesIsA400() {
        TestMerchant m = newMerchant();
        get("/payments/list?" + "a=1&".repeat(1_500), m.apiKey()).expectError(400, "IR_06");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/customers/a%2Fb", "/refunds/ref%00", "/payments/a%5Cb"})
    void aPathTomcatRefusesBeforeTheApplicationStillGetsTheJsonEnvelope(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());

        Response response = new Response(r.statusCode(), r.body(), r.headers()).expectError(400, "IR_06");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.message()).startsWith("The request could not be read");
    }

    @Test
    void aHeaderTooLargeForTomcatGetsTheJsonEnvelope() {
        sendWithHeaders("GET", "/customers/list", "k".repeat(10_000), null, Map.of()).expectError(400, "IR_06");
    }

    @Test
    void aServerFailureIsA500WithHe00AndNoInternals() {
        TestMerchant m = newMerchant();
        String id = unique("cus");
        post("/customers", m.apiKey(), "{\"customer_id\":\"" + id + "\",\"name\":\"x\"}").expect(200);
        jdbc.sql("update customer set name = '\\x0102'::bytea where customer_id = ?").param(id).update();
        Response r = get("/customers/" + id, m.apiKey()).expectError(500, "HE_00");
        assertThat(r.message()).isEqualTo("Something went wrong");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("select").doesNotContain("at co.");
    }
}
