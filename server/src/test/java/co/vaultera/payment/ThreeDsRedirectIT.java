package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.simulator.SimulatorProcessor.Operation;
import co.vaultera.connectoraccount.DeletedAccountCredentialsPurgeJob;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The 3DS card: confirm answers {@code requires_customer_action}; a "browser" (java.net.http, redirects followed by
 * hand, loopback only) goes through the switch's redirect, the simulator's challenge page, back to the switch and
 * on to the merchant's {@code return_url}, whose query is signed with the merchant's response hash key.
 */
class ThreeDsRedirectIT extends PaymentTestSupport {

    private static final Pattern FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"outcome\" "
                    + "value=\"(complete|reject)\">");

    @Autowired
    private DeletedAccountCredentialsPurgeJob purge;

    private TestMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = merchantWithConnector();
    }

    private JsonNode challenged(String captureMethod) {
        JsonNode p = create(merchant, body(1000, captureMethod, THREE_DS, true));
        assertThat(status(p)).isEqualTo("requires_customer_action");
        JsonNode next = p.get("next_action");
        assertThat(text(next, "type")).isEqualTo("redirect_to_url");
        assertThat(text(next, "redirect_to_url")).isEqualTo("http://localhost:" + port + "/payments/redirect/"
                + id(p) + "/" + merchant.merchantId() + "/" + attempt(id(p), 1));
        return p;
    }

    /** Where the shopper lands after completing the challenge of a payment made with {@code returnUrl}. */
    private String completedWithReturnUrl(String returnUrl) {
        JsonNode p = create(merchant, body(1000, "automatic", THREE_DS, true).replace(RETURN_URL, returnUrl));
        HttpResponse<String> answered = browse("POST", challengePage(p).get("complete"), "outcome=complete");
        return location(browse("GET", location(answered), null));
    }

    /** The challenge page's form actions by outcome, reached from {@code next_action} like a browser. */
    private Map<String, String> challengePage(JsonNode p) {
        HttpResponse<String> start = browse("GET", text(p.get("next_action"), "redirect_to_url"), null);
        assertThat(start.statusCode()).as("switch redirect start").isEqualTo(302);
        String pageUrl = location(start);
        // Where the shopper's browser reaches the switch, not the loopback address the switch calls it on.
        assertThat(pageUrl).startsWith("http://localhost:" + port + "/simulator/3ds/");

        HttpResponse<String> page = browse("GET", pageUrl, null);
        assertThat(page.statusCode()).as("challenge page").isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).doesNotContain(THREE_DS).contains("0446");
        Map<String, String> actions = new HashMap<>();
        Matcher m = FORM.matcher(page.body());
        while (m.find()) {
            actions.put(m.group(2), URI.create(pageUrl).resolve(m.group(1).replace("&amp;", "&")).toString());
        }
        assertThat(actions).as("forms in %s", page.body()).containsOnlyKeys("complete", "reject");
        return actions;
    }

    /** Where the processor sends the shopper back to the switch. */
    private String processorReturn(JsonNode p) {
        return "http://localhost:" + port + "/payments/" + id(p) + "/" + merchant.merchantId()
                + "/redirect/response/stripe_test";
    }

    /** Submits the challenge form and follows the redirects back to (but not into) the merchant's site. */
    private String submit(Map<String, String> actions, String outcome) {
        HttpResponse<String> answered = browse("POST", actions.get(outcome), "outcome=" + outcome);
        assertThat(answered.statusCode()).as("challenge answer").isEqualTo(303);
        String back = location(answered);
        assertThat(back).startsWith("http://localhost:" + port + "/payments/");
        assertThat(query(back)).containsKeys("processor_payment_id", "outcome");

        HttpResponse<String> returned = browse("GET", back, null);
        assertThat(returned.statusCode()).as("switch redirect response; body %s", returned.body()).isEqualTo(302);
        String merchantUrl = location(returned);
        assertThat(merchantUrl).startsWith(RETURN_URL + "?");
        return merchantUrl;
    }

    private String hashKey() {
        JsonNode account = get("/accounts/" + merchant.merchantId(), ADMIN_KEY).expect(200).json();
        assertThat(account.get("enable_payment_response_hash").booleanValue()).isTrue();
        return account.get("payment_response_hash_key").stringValue();
    }

    /** hex(HMAC-SHA512) over the sorted {@code k=v&…} of every parameter but the signature's own two. */
    private static String expectedSignature(Map<String, String> query, String key) {
        TreeMap<String, String> signed = new TreeMap<>(query);
        signed.remove("signature");
        signed.remove("signature_algorithm");
        String message = signed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void completingTheChallengeSucceedsAndReturnsTheShopperWithASignedQuery() {
        JsonNode p = challenged("automatic");
        String merchantUrl = submit(challengePage(p), "complete");

        Map<String, String> q = query(merchantUrl);
        assertThat(q).containsEntry("status", "succeeded").containsEntry("payment_id", id(p))
                .containsEntry("payment_intent_client_secret", text(p, "client_secret"))
                .containsEntry("manual_retry_allowed", "false").containsEntry("amount", "1000")
                .containsEntry("signature_algorithm", "HMAC-SHA512");
        assertThat(q.get("signature")).matches("[0-9a-f]{128}").isEqualTo(expectedSignature(q, hashKey()));

        JsonNode after = retrieve(merchant, id(p));
        assertThat(status(after)).isEqualTo("succeeded");
        assertThat(after.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(after.get("next_action").isNull()).isTrue();
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(p), 1))).isEqualTo(1);
        assertThat(simulator.count(Operation.CHALLENGE, processorReference(merchant.merchantId(), id(p), 1)))
                .isEqualTo(1);
    }

    @Test
    void aChallengeCompletedAfterTheConnectorAccountWasDeletedStillSettlesThePayment() {
        JsonNode p = challenged("automatic");
        Map<String, String> page = challengePage(p);
        delete("/account/" + merchant.merchantId() + "/connectors/" + text(p, "merchant_connector_id"),
                merchant.apiKey()).expect(200);

        String merchantUrl = submit(page, "complete");

        // The shopper paid at the processor: the switch finishes with the deleted account's credentials.
        assertThat(query(merchantUrl)).containsEntry("status", "succeeded");
        JsonNode after = retrieve(merchant, id(p));
        assertThat(status(after)).isEqualTo("succeeded");
        assertThat(after.get("amount_received").longValue()).isEqualTo(1000);
    }

    @Test
    void aDeletedAccountKeepsItsCredentialsUntilTheChallengeStartedOnItIsSettled() {
        JsonNode p = challenged("automatic");
        Map<String, String> page = challengePage(p);
        String account = text(p, "merchant_connector_id");
        delete("/account/" + merchant.merchantId() + "/connectors/" + account, merchant.apiKey()).expect(200);

        purge.purge();
        assertThat(holdsCredentials(merchant, account)).as("while the shopper may still come back").isTrue();

        assertThat(query(submit(page, "complete"))).containsEntry("status", "succeeded");
        purge.purge();
        assertThat(holdsCredentials(merchant, account)).as("once the payment is settled").isFalse();
    }

    @Test
    void aChallengeTheShopperAbandonsExpiresAtTheProcessorAndTheSyncJobFailsThePayment() {
        merchant = merchantWithConnector("{\"challenge_expiry_ms\":1500}");
        JsonNode p = challenged("automatic");
        String account = text(p, "merchant_connector_id");
        delete("/account/" + merchant.merchantId() + "/connectors/" + account, merchant.apiKey()).expect(200);

        JsonNode settled = await(merchant, id(p), Duration.ofSeconds(10),
                r -> !"requires_customer_action".equals(status(r)));

        assertThat(status(settled)).isEqualTo("failed");
        assertThat(text(settled, "error_code")).isEqualTo("authentication_expired");
        assertThat(settled.get("next_action").isNull()).isTrue();
        assertThat(settled.get("manual_retry_allowed").booleanValue()).isTrue();
        // The shopper who comes back late is sent straight on to the merchant, with the outcome.
        HttpResponse<String> late = browse("GET", text(p.get("next_action"), "redirect_to_url"), null);
        String merchantUrl = location(browse("GET", location(late), null));
        assertThat(query(merchantUrl)).containsEntry("status", "failed").containsEntry("payment_id", id(p));
        // Nothing is left to settle on the deleted account: its credentials go.
        purge.purge();
        assertThat(holdsCredentials(merchant, account)).isFalse();
    }

    @Test
    void rejectingTheChallengeFailsThePaymentAndReturnsTheShopperWithASignedQuery() {
        JsonNode p = challenged("automatic");
        String merchantUrl = submit(challengePage(p), "reject");

        Map<String, String> q = query(merchantUrl);
        assertThat(q).containsEntry("status", "failed").containsEntry("payment_id", id(p))
                .containsEntry("manual_retry_allowed", "true");
        assertThat(q.get("signature")).isEqualTo(expectedSignature(q, hashKey()));

        JsonNode after = retrieve(merchant, id(p));
        assertThat(status(after)).isEqualTo("failed");
        assertThat(text(after, "error_code")).isEqualTo("authentication_failed");
        assertThat(after.get("amount_received").isNull()).isTrue();
        assertThat(after.get("manual_retry_allowed").booleanValue()).isTrue();
    }

    @Test
    void aTamperedQueryNoLongerMatchesTheSignature() {
        JsonNode p = challenged("automatic");
        Map<String, String> q = query(submit(challengePage(p), "complete"));
        Map<String, String> tampered = new HashMap<>(q);
        tampered.put("amount", "1");
        assertThat(q.get("signature")).isNotEqualTo(expectedSignature(tampered, hashKey()));
    }

    @Test
    void aManualCapture3dsPaymentIsAuthorizedAfterTheChallengeAndThenCapturable() {
        JsonNode p = challenged("manual");
        Map<String, String> q = query(submit(challengePage(p), "complete"));
        assertThat(q).containsEntry("status", "requires_capture");
        JsonNode captured = post("/payments/" + id(p) + "/capture", merchant.apiKey(), "{\"amount_to_capture\":1000}")
                .expect(200).json();
        assertThat(status(captured)).isEqualTo("succeeded");
    }

    @Test
    void aSecondVisitAfterTheChallengeChangesNothing() {
        JsonNode p = challenged("automatic");
        Map<String, String> actions = challengePage(p);
        submit(actions, "complete");
        // The shopper presses Back and tries Reject: the first decision stands.
        String again = submit(actions, "reject");
        assertThat(query(again)).containsEntry("status", "succeeded");
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("succeeded");
        assertThat(simulator.count(Operation.CHALLENGE, processorReference(merchant.merchantId(), id(p), 1)))
                .isEqualTo(1);
    }

    @Test
    void aRedirectWithAnotherMerchantsIdIsA404() {
        JsonNode p = challenged("automatic");
        TestMerchant other = merchantWithConnector();
        HttpResponse<String> r = browse("GET", "http://localhost:" + port + "/payments/redirect/" + id(p) + "/"
                + other.merchantId() + "/" + attempt(id(p), 1), null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("requires_customer_action");
    }

    @Test
    void confirmWhileAwaitingTheShopperIsRejectedWithIr14() {
        JsonNode p = challenged("automatic");
        post("/payments/" + id(p) + "/confirm", merchant.apiKey(), "{}").expectError(400, "IR_14");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(p), 2))).isZero();
    }

    @Test
    void cancelWhileAwaitingTheShopperCancelsThePayment() {
        JsonNode p = challenged("automatic");
        JsonNode cancelled = post("/payments/" + id(p) + "/cancel", merchant.apiKey(),
                "{\"cancellation_reason\":\"abandoned\"}").expect(200).json();
        assertThat(status(cancelled)).isEqualTo("cancelled");
        assertThat(cancelled.get("next_action").isNull()).isTrue();
    }

    @Test
    void cancelAfterTheShopperCompletedTheChallengeRecordsTheChargeInsteadOfAFailure() {
        JsonNode p = challenged("automatic");
        // The shopper completes the challenge, and the browser never comes back to the switch.
        HttpResponse<String> answered = browse("POST", challengePage(p).get("complete"), "outcome=complete");
        assertThat(answered.statusCode()).isEqualTo(303);

        JsonNode afterCancel = post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expect(200).json();

        // The processor refused the void because the money was taken: the payment says so, with the refusal.
        assertThat(status(afterCancel)).isEqualTo("succeeded");
        assertThat(afterCancel.get("amount_received").longValue()).isEqualTo(1000);
        assertThat(text(afterCancel, "error_code")).isEqualTo("payment_unexpected_state");
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("succeeded");
    }

    @Test
    void aShopperWhoAnswersAfterTheChallengeExpiredReturnsToTheMerchantWithTheFailure() {
        merchant = merchantWithConnector("{\"challenge_expiry_ms\":800}");
        JsonNode p = challenged("automatic");
        Map<String, String> page = challengePage(p);
        // Whether the sync job has recorded the expiry by the time the answer comes or not, the outcome is the same.
        sleep(900);

        String merchantUrl = submit(page, "complete");

        assertThat(query(merchantUrl)).containsEntry("status", "failed").containsEntry("payment_id", id(p));
        JsonNode after = retrieve(merchant, id(p));
        assertThat(text(after, "error_code")).isEqualTo("authentication_expired");
        assertThat(simulator.count(Operation.CHALLENGE, processorReference(merchant.merchantId(), id(p), 1))).isZero();
    }

    @Test
    void cancelAfterTheChallengeExpiredRecordsTheExpiryAsTheFailure() {
        merchant = merchantWithConnector("{\"challenge_expiry_ms\":100}");
        JsonNode p = challenged("automatic");
        // Past the expiry, before the sync job's first look (1 s after the confirm here) could record it.
        sleep(200);

        JsonNode afterCancel = post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expect(200).json();

        // The processor failed the payment before the void came: that failure is the payment's, with its reason.
        assertThat(status(afterCancel)).isEqualTo("failed");
        assertThat(text(afterCancel, "error_code")).isEqualTo("authentication_expired");
        assertThat(text(afterCancel, "error_message")).contains("did not answer the challenge in time");
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?processor_payment_id=pay_other", "?x=1&x=2"})
    void aReturnThatCarriesNoAnswerForThisPaymentChangesNothing(String query) {
        JsonNode p = challenged("automatic");
        Map<String, String> actions = challengePage(p);

        // Anyone can open the return URL, e.g. from an old tab of an earlier attempt. What a processor appends is
        // the processor's: the API's refusal of a repeated query parameter does not apply here.
        HttpResponse<String> stray = browse("GET", processorReturn(p) + query, null);

        assertThat(stray.statusCode()).isEqualTo(302);
        assertThat(query(location(stray))).containsEntry("status", "requires_customer_action");
        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("requires_customer_action");
        assertThat(query(submit(actions, "complete"))).containsEntry("status", "succeeded");
        assertThat(simulator.authorizeCount(processorReference(merchant.merchantId(), id(p), 1))).isEqualTo(1);
    }

    @Test
    void aMerchantWhoAsksForHttpPostGetsTheOutcomeAsAFormPostedToTheReturnUrl() {
        post("/accounts/" + merchant.merchantId(), ADMIN_KEY, "{\"redirect_to_merchant_with_http_post\":true}")
                .expect(200);
        String returnUrl = "https://shop.test/back?order=a%20b&x=1#done";
        JsonNode p = create(merchant, body(1000, "automatic", THREE_DS, true)
                .replace(RETURN_URL, returnUrl));
        Map<String, String> actions = challengePage(p);
        HttpResponse<String> answered = browse("POST", actions.get("complete"), "outcome=complete");

        HttpResponse<String> returned = browse("GET", location(answered), null);

        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(returned.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // As Hyperswitch posts it: to the URL without its query, the merchant's own parameters among the fields.
        assertThat(returned.body())
                .contains("<form id=\"return\" method=\"post\" action=\"https://shop.test/back\">")
                .contains("<input type=\"hidden\" name=\"status\" value=\"succeeded\">")
                .contains("<input type=\"hidden\" name=\"payment_id\" value=\"" + id(p) + "\">")
                .contains("<input type=\"hidden\" name=\"signature_algorithm\" value=\"HMAC-SHA512\">")
                .contains("<button type=\"submit\">Continue</button>");
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
                .matcher(returned.body());
        while (input.find()) {
            fields.put(input.group(1), input.group(2));
        }
        assertThat(fields).containsEntry("order", "a b").containsEntry("x", "1");
        assertThat(fields.get("signature")).isEqualTo(expectedSignature(fields, hashKey()));
    }

    @Test
    void theRedirectToTheMerchantKeepsTheReturnUrlAsWrittenAndAddsTheOutcomeBeforeItsFragment() {
        String merchantUrl = completedWithReturnUrl("https://shop.test/back?order=a%20b&x=1#done");

        assertThat(merchantUrl).startsWith("https://shop.test/back?order=a%20b&x=1&").endsWith("#done")
                .contains("&status=succeeded&");
        Map<String, String> q = query(merchantUrl);
        assertThat(q).containsEntry("order", "a b");
        assertThat(q.get("signature")).isEqualTo(expectedSignature(q, hashKey()));
    }

    @Test
    void aReturnUrlThatAlreadyNamesStatusOrPaymentIdGetsTheOutcomeOnceInPlaceOfItsOwn() {
        String merchantUrl = completedWithReturnUrl("https://shop.test/back?status=pending&order=7&payment_id=mine");

        assertThat(merchantUrl).startsWith("https://shop.test/back?order=7&");
        assertThat(merchantUrl.split("[?&]status=", -1)).as(merchantUrl).hasSize(2);
        assertThat(merchantUrl.split("[?&]payment_id=", -1)).as(merchantUrl).hasSize(2);
        Map<String, String> q = query(merchantUrl);
        assertThat(q).containsEntry("status", "succeeded").containsEntry("order", "7");
        assertThat(status(retrieve(merchant, q.get("payment_id")))).isEqualTo("succeeded");
        // Signed as Hyperswitch signs: every parameter the merchant receives but the signature's two.
        assertThat(q.get("signature")).isEqualTo(expectedSignature(q, hashKey()));
    }

    @Test
    void aShopperWhoCompletesTheChallengeAfterCancelIsNotCharged() {
        JsonNode p = challenged("automatic");
        Map<String, String> actions = challengePage(p);
        post("/payments/" + id(p) + "/cancel", merchant.apiKey(), "{}").expect(200);

        // The shopper's tab was still open on the challenge page.
        HttpResponse<String> answered = browse("POST", actions.get("complete"), "outcome=complete");
        if (answered.statusCode() == 303) {
            browse("GET", location(answered), null);
        }

        assertThat(status(retrieve(merchant, id(p)))).isEqualTo("cancelled");
        assertThat(simulator.count(Operation.CHALLENGE, processorReference(merchant.merchantId(), id(p), 1)))
                .as("the processor's payment was still open after cancel and got charged").isZero();
    }
}
