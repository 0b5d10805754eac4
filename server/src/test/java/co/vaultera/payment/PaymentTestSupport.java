package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor;
import co.vaultera.support.ApiTestSupport;
import co.vaultera.support.CardDataWatch;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Shared helpers of the payment ITs: a merchant with a simulator connector account, request bodies, bounded
 * polling, a loopback-only "browser" that follows redirects by hand, and checks that no PAN or CVC is kept in clear.
 */
abstract class PaymentTestSupport extends ApiTestSupport {

    static final String VISA = "4242424242424242";
    static final String THREE_DS = "4000003800000446";
    static final String PROCESSOR_ERROR = "4000000000000507";
    static final String TIMEOUT_AFTER_CHARGE = "4000000000000606";
    static final String DECLINED = "4000000000000002";
    /** A CVC unlikely to appear by chance in ids or timestamps. */
    static final String CVC = "7391";
    static final String RETURN_URL = "https://shop.test/back";
    /** The {@code api_key} of the connector accounts made here: the key of their payments at the simulator. */
    static final String PROCESSOR_API_KEY = "sk_test_0123456789abcdef";

    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Autowired
    protected SimulatorProcessor simulator;

    /** A fresh merchant with one active {@code stripe_test} connector account (no simulated faults). */
    protected TestMerchant merchantWithConnector() {
        return merchantWithConnector(null);
    }

    /** A fresh merchant whose connector account carries {@code {"simulator": simulatorSettings}} as metadata. */
    protected TestMerchant merchantWithConnector(String simulatorSettings) {
        TestMerchant m = newMerchant();
        addConnector(m, simulatorSettings);
        return m;
    }

    protected JsonNode addConnector(TestMerchant m, String simulatorSettings) {
        return addConnector(m, simulatorSettings, null);
    }

    /** As {@link #addConnector(TestMerchant, String)}; a second account of a profile needs its own {@code label}. */
    protected JsonNode addConnector(TestMerchant m, String simulatorSettings, String label) {
        String metadata = simulatorSettings == null ? "" : ",\"metadata\":{\"simulator\":" + simulatorSettings + "}";
        String labelled = label == null ? "" : ",\"connector_label\":\"" + label + "\"";
        return post("/account/" + m.merchantId() + "/connectors", m.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"}%s%s}
                """.formatted(PROCESSOR_API_KEY, metadata, labelled)).expect(200).json();
    }

    static String card(String number) {
        return """
                "payment_method":"card","payment_method_data":{"card":{"card_number":"%s","card_exp_month":"12",
                 "card_exp_year":"2030","card_holder_name":"Jon Test","card_cvc":"%s"}}""".formatted(number, CVC);
    }

    /** A create body; {@code card} may be {@code null} (no payment method). */
    static String body(long amount, String captureMethod, String cardNumber, boolean confirm) {
        return "{\"amount\":" + amount + ",\"currency\":\"USD\",\"confirm\":" + confirm + ",\"capture_method\":\""
                + captureMethod + "\",\"return_url\":\"" + RETURN_URL + "\""
                + (cardNumber == null ? "" : "," + card(cardNumber)) + "}";
    }

    /** Creates and confirms an automatic-capture payment of 1000 USD with {@code cardNumber}. */
    protected JsonNode pay(TestMerchant m, String cardNumber) {
        return post("/payments", m.apiKey(), body(1000, "automatic", cardNumber, true)).expect(200).json();
    }

    protected JsonNode create(TestMerchant m, String body) {
        return post("/payments", m.apiKey(), body).expect(200).json();
    }

    protected JsonNode retrieve(TestMerchant m, String paymentId) {
        return get("/payments/" + paymentId, m.apiKey()).expect(200).json();
    }

    static String id(JsonNode payment) {
        return payment.get("payment_id").stringValue();
    }

    static String status(JsonNode payment) {
        return payment.get("status").stringValue();
    }

    static String text(JsonNode payment, String field) {
        JsonNode v = payment.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The simulator reference of the payment's n-th attempt. */
    static String attempt(String paymentId, int n) {
        return paymentId + "_" + n;
    }

    /** Retrieves (without force_sync) until {@code until} holds, for at most {@code timeout}; answers the last read. */
    protected JsonNode await(TestMerchant m, String paymentId, Duration timeout, Predicate<JsonNode> until) {
        return poll("payment " + paymentId, timeout, () -> retrieve(m, paymentId), until);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the connector account's row still holds its (encrypted) credentials. */
    protected boolean holdsCredentials(TestMerchant m, String merchantConnectorId) {
        return jdbc.sql("select connector_account_details is not null from merchant_connector_account"
                        + " where merchant_id = ? and merchant_connector_id = ?")
                .params(m.merchantId(), merchantConnectorId).query(Boolean.class).single();
    }

    /** Every stored row of the payment (intent, attempts, captures) as JSON text. */
    protected String storedRows(String merchantId, String paymentId) {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("payment_intent", "payment_attempt", "payment_capture")) {
            jdbc.sql("select row_to_json(t)::text from " + table + " t where merchant_id = ? and payment_id = ?")
                    .params(merchantId, paymentId).query(String.class).list().forEach(r -> out.append(r).append('\n'));
        }
        return out.toString();
    }

    /**
     * Asserts the PAN and the CVC are not in {@code stored} in clear: neither as text nor as the hex of their ASCII
     * (how PostgreSQL shows bytea in JSON). The CVC is looked for as text only outside hex literals, where four
     * digits can occur by chance.
     */
    static void assertNoCardSecrets(String stored, String pan, String cvc) {
        String hexPan = HexFormat.of().formatHex(pan.getBytes(StandardCharsets.US_ASCII));
        String hexCvc = HexFormat.of().formatHex(cvc.getBytes(StandardCharsets.US_ASCII));
        assertThat(stored).as("stored rows").isNotBlank().doesNotContain(pan).doesNotContain(hexPan)
                .doesNotContain(hexCvc);
        assertThat(stored.replaceAll("\\\\\\\\x[0-9a-fA-F]*", "<bytea>")).as("stored rows outside bytea")
                .doesNotContainPattern("(?<![0-9])" + cvc + "(?![0-9])");
    }

    /** One step of a browser: a request to a loopback URL, redirects not followed. */
    protected static HttpResponse<String> browse(String method, String url, String formBody) {
        URI uri = URI.create(url);
        assertThat(LOOPBACK).as("browser only follows loopback URLs: %s", url).contains(uri.getHost());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
        if (formBody != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.method(method, HttpRequest.BodyPublishers.ofString(formBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = BROWSER.send(b.build(), HttpResponse.BodyHandlers.ofString());
            CardDataWatch.checkAnswer(method + " " + uri.getPath(), r.body(), r.headers());
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location header; status " + r.statusCode() + ", body " + r.body()));
    }

    /** A URL's query parameters, decoded, in order. */
    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
