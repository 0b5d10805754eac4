package co.vaultera.connectoraccount;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.apikey.ApiKeyService;
import co.vaultera.connector.spi.ConnectorAccount;
import co.vaultera.support.ApiTestSupport;
import co.vaultera.web.auth.MerchantContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Create, retrieve, list, update and delete of merchant connector accounts, with masked credentials. */
class ConnectorAccountIT extends ApiTestSupport {

    private static final List<String> RESPONSE_FIELDS = List.of("connector_type", "connector_name",
            "connector_label", "merchant_connector_id", "profile_id", "connector_account_details",
            "payment_methods_enabled", "connector_webhook_details", "metadata", "test_mode", "disabled",
            "frm_configs", "business_country", "business_label", "business_sub_label", "applepay_verified_domains",
            "pm_auth_config", "status", "additional_merchant_data", "connector_wallets_details");

    @Autowired
    private ApiKeyService apiKeys;

    @Autowired
    private ConnectorAccountService service;

    private TestMerchant merchant;
    /** A processor key unique to this test, 32 characters, so it can be searched for anywhere. */
    private String secret;

    @BeforeEach
    void merchantAndSecret() {
        merchant = newMerchant();
        secret = "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private String path() {
        return "/account/" + merchant.merchantId() + "/connectors";
    }

    private String path(String id) {
        return path() + "/" + id;
    }

    private String body(String connectorName, String apiKey) {
        return """
                {"connector_type":"payment_processor","connector_name":"%s",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"},"test_mode":true,
                 "payment_methods_enabled":[{"payment_method":"card","payment_method_types":[{"payment_method_type":"credit"}]}],
                 "metadata":{"simulator":{"latency_ms":0}}}
                """.formatted(connectorName, apiKey);
    }

    private JsonNode create() {
        return create("stripe_test");
    }

    private JsonNode create(String connectorName) {
        return post(path(), merchant.apiKey(), body(connectorName, secret)).expect(200).json();
    }

    private String createId() {
        return create().get("merchant_connector_id").stringValue();
    }

    private JsonNode fetch(String id) {
        return get(path(id), merchant.apiKey()).expect(200).json();
    }

    private String last4() {
        return secret.substring(secret.length() - 4);
    }

    /** The credential, decrypted, as the payment flow would see it. */
    private ConnectorAccount decrypted(String id) {
        MerchantContext context = apiKeys.authenticate(merchant.apiKey()).orElseThrow();
        return service.forAttempt(context, id).account();
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    // ---- create ----

    @Test
    void createAnswersAGeneratedMerchantConnectorId() {
        assertThat(create().get("merchant_connector_id").stringValue()).matches("mca_[0-9A-Za-z]{20}");
    }

    @Test
    void createWithoutProfileIdUsesTheMerchantsDefaultProfile() {
        String defaultProfile = get("/accounts/" + merchant.merchantId(), ADMIN_KEY).expect(200).json()
                .get("default_profile").stringValue();
        assertThat(defaultProfile).isNotBlank();
        assertThat(create().get("profile_id").stringValue()).isEqualTo(defaultProfile);
    }

    @Test
    void createWithoutLabelNamesTheAccountAfterItsConnectorWithDefaultSuffix() {
        assertThat(create("adyen_test").get("connector_label").stringValue()).isEqualTo("adyen_test_default");
    }

    @Test
    void aLabelNamesOneAccountPerProfileUntilThatAccountIsDeleted() {
        String first = create("adyen_test").get("merchant_connector_id").stringValue();

        Response again = post(path(), merchant.apiKey(), body("adyen_test", secret));
        again.expectError(400, "HE_01");
        assertThat(again.message()).contains("connector_label 'adyen_test_default' already exists");

        String eu = post(path(), merchant.apiKey(), body("adyen_test", secret)
                .replaceFirst("\\{", "{\"connector_label\":\"adyen_eu\","))
                .expect(200).json().get("merchant_connector_id").stringValue();
        post(path(eu), merchant.apiKey(), "{\"connector_type\":\"payment_processor\",\"connector_label\":"
                + "\"adyen_test_default\"}").expectError(400, "HE_01");
        assertThat(fetch(eu).get("connector_label").stringValue()).isEqualTo("adyen_eu");

        delete(path(first), merchant.apiKey()).expect(200);
        assertThat(create("adyen_test").get("connector_label").stringValue()).isEqualTo("adyen_test_default");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"latency_ms\":-5}", "{\"latency_ms\":\"fast\"}", "{\"fault\":\"meteor\"}", "[1]",
            "{\"latency_ms\":300001}", "{\"fault_delay_ms\":300001}", "{\"refund_review_ms\":300001}",
            "{\"challenge_expiry_ms\":0}", "{\"challenge_expiry_ms\":900001}"})
    void simulatorSettingsThatEveryCallWouldRefuseAreA400WhenTheAccountIsSaved(String settings) {
        String withSettings = body("stripe_test", secret).replace("{\"latency_ms\":0}", settings);
        Response created = post(path(), merchant.apiKey(), withSettings);
        created.expectError(400, "IR_06");
        assertThat(created.message()).contains("metadata.simulator");

        String id = createId();
        post(path(id), merchant.apiKey(), "{\"metadata\":{\"simulator\":" + settings + "}}").expectError(400, "IR_06");
        assertThat(fetch(id).get("metadata").toString()).isEqualTo("{\"simulator\":{\"latency_ms\":0}}");
    }

    @Test
    void createKeepsALabelThatIsSent() {
        String label = unique("label");
        JsonNode created = post(path(), merchant.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"simulator","connector_label":"%s",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"}}
                """.formatted(label, secret)).expect(200).json();
        assertThat(created.get("connector_label").stringValue()).isEqualTo(label);
    }

    @Test
    void createAnswersStatusActiveAndNotDisabled() {
        JsonNode created = create();
        assertThat(created.get("status").stringValue()).isEqualTo("active");
        assertThat(created.get("disabled").booleanValue()).isFalse();
    }

    @Test
    void createAnswersTheFieldsInTheReferenceOrder() {
        assertThat(create().propertyNames()).containsExactlyElementsOf(RESPONSE_FIELDS);
    }

    @Test
    void createEchoesTheNonSecretFieldsSent() {
        JsonNode created = create();
        assertThat(created.get("connector_type").stringValue()).isEqualTo("payment_processor");
        assertThat(created.get("connector_name").stringValue()).isEqualTo("stripe_test");
        assertThat(created.get("test_mode").booleanValue()).isTrue();
        assertThat(created.get("payment_methods_enabled").toString()).isEqualTo(
                "[{\"payment_method\":\"card\",\"payment_method_types\":[{\"payment_method_type\":\"credit\"}]}]");
        assertThat(created.get("metadata").toString()).isEqualTo("{\"simulator\":{\"latency_ms\":0}}");
        assertThat(created.get("applepay_verified_domains").isArray()).isTrue();
    }

    @Test
    void retrieveAnswersWhatCreateAnswered() {
        JsonNode created = create();
        assertThat(fetch(created.get("merchant_connector_id").stringValue())).isEqualTo(created);
    }

    @Test
    void everyValidConnectorNameIsAccepted() {
        for (String name : List.of("simulator", "phonypay", "fauxpay", "pretendpay", "stripe_test", "adyen_test",
                "checkout_test", "paypal_test")) {
            assertThat(create(name).get("connector_name").stringValue()).isEqualTo(name);
        }
    }

    // ---- masking and encryption ----

    @Test
    void createAnswersTheCredentialMaskedAsStarsAndTheLastFourCharacters() {
        Response response = post(path(), merchant.apiKey(), body("stripe_test", secret)).expect(200);
        assertThat(response.body()).doesNotContain(secret);
        JsonNode details = response.json().get("connector_account_details");
        assertThat(details.get("auth_type").stringValue()).isEqualTo("HeaderKey");
        assertThat(details.get("api_key").stringValue()).isEqualTo("****" + last4());
    }

    @Test
    void retrieveAnswersTheCredentialMasked() {
        String id = createId();
        Response response = get(path(id), merchant.apiKey()).expect(200);
        assertThat(response.body()).doesNotContain(secret);
        assertThat(response.json().get("connector_account_details").get("api_key").stringValue())
                .isEqualTo("****" + last4());
    }

    @Test
    void listAnswersEveryCredentialMasked() {
        create("stripe_test");
        create("adyen_test");
        Response response = get(path(), merchant.apiKey()).expect(200);
        assertThat(response.body()).doesNotContain(secret);
        assertThat(response.json().valueStream()
                .map(a -> a.get("connector_account_details").get("api_key").stringValue()))
                .containsExactly("****" + last4(), "****" + last4());
    }

    @Test
    void updateAnswersTheCredentialMasked() {
        String id = createId();
        Response response = post(path(id), merchant.apiKey(), "{\"connector_label\":\"x\"}").expect(200);
        assertThat(response.body()).doesNotContain(secret);
        assertThat(response.json().get("connector_account_details").get("api_key").stringValue())
                .isEqualTo("****" + last4());
    }

    @Test
    void aCredentialShorterThanSixteenCharactersIsAnsweredAsStarsOnly() {
        String shortKey = "short" + UUID.randomUUID().toString().substring(0, 8);
        Response response = post(path(), merchant.apiKey(), body("simulator", shortKey)).expect(200);
        assertThat(response.body()).doesNotContain(shortKey);
        assertThat(response.json().get("connector_account_details").get("api_key").stringValue()).isEqualTo("****");
    }

    @Test
    void everyCredentialFieldIsMasked() {
        String key1 = "key1_" + UUID.randomUUID().toString().replace("-", "");
        String apiSecret = "secret_" + UUID.randomUUID().toString().replace("-", "");
        String key2 = "key2_" + UUID.randomUUID().toString().replace("-", "");
        Response response = post(path(), merchant.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"checkout_test",
                 "connector_account_details":{"auth_type":"MultiAuthKey","api_key":"%s","key1":"%s",
                                              "api_secret":"%s","key2":"%s"}}
                """.formatted(secret, key1, apiSecret, key2)).expect(200);
        for (String plain : List.of(secret, key1, apiSecret, key2)) {
            assertThat(response.body()).doesNotContain(plain);
        }
        JsonNode details = response.json().get("connector_account_details");
        assertThat(details.propertyNames()).containsExactly("auth_type", "api_key", "key1", "api_secret", "key2");
        assertThat(details.get("key1").stringValue()).isEqualTo("****" + key1.substring(key1.length() - 4));
        assertThat(details.get("api_secret").stringValue())
                .isEqualTo("****" + apiSecret.substring(apiSecret.length() - 4));
        assertThat(details.get("key2").stringValue()).isEqualTo("****" + key2.substring(key2.length() - 4));
    }

    @Test
    void theWebhookSecretIsMaskedToo() {
        String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        Response response = post(path(), merchant.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"},
                 "connector_webhook_details":{"merchant_secret":"%s"}}
                """.formatted(secret, webhookSecret)).expect(200);
        assertThat(response.body()).doesNotContain(webhookSecret);
        assertThat(response.json().get("connector_webhook_details").get("merchant_secret").stringValue())
                .isEqualTo("****" + webhookSecret.substring(webhookSecret.length() - 4));
    }

    @Test
    void theDatabaseRowHoldsNoPlaintextCredential() {
        String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        String id = post(path(), merchant.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"},
                 "connector_webhook_details":{"merchant_secret":"%s"}}
                """.formatted(secret, webhookSecret)).expect(200).json().get("merchant_connector_id").stringValue();
        String row = jdbc.sql("select row_to_json(t)::text from merchant_connector_account t"
                        + " where merchant_id = ? and merchant_connector_id = ?")
                .params(merchant.merchantId(), id).query(String.class).single();
        assertThat(row).contains(id);
        assertThat(row).doesNotContain(secret, hex(secret), webhookSecret, hex(webhookSecret));
    }

    @Test
    void theStoredCredentialDecryptsToWhatWasSent() {
        String id = createId();
        ConnectorAccount account = decrypted(id);
        assertThat(account.authType()).isEqualTo("HeaderKey");
        assertThat(account.apiKey()).isEqualTo(secret);
    }

    // ---- validation ----

    @Test
    void anUnknownConnectorNameIsA400NamingConnectorName() {
        String message = post(path(), merchant.apiKey(), body("nosuchpay", secret)).expectError(400, "IR_06")
                .message();
        assertThat(message).contains("connector_name").contains("nosuchpay");
    }

    @ParameterizedTest(name = "a create without {0} is a 400 naming it")
    @ValueSource(strings = {"connector_type", "connector_name", "connector_account_details"})
    void aCreateWithoutARequiredFieldIsA400NamingIt(String field) {
        ObjectNode body = (ObjectNode) JSON.readTree(body("stripe_test", secret));
        body.remove(field);
        assertThat(post(path(), merchant.apiKey(), body.toString()).expectError(400, "IR_06").message())
                .contains("`" + field + "`");
    }

    @Test
    void anUnknownConnectorTypeIsA400() {
        ObjectNode body = (ObjectNode) JSON.readTree(body("stripe_test", secret));
        body.put("connector_type", "teleporter");
        post(path(), merchant.apiKey(), body.toString()).expectError(400, "IR_06");
    }

    @Test
    void anUnknownTopLevelFieldIsA400() {
        ObjectNode body = (ObjectNode) JSON.readTree(body("stripe_test", secret));
        body.put("colour", "red");
        assertThat(post(path(), merchant.apiKey(), body.toString()).expectError(400, "IR_06").message())
                .contains("colour");
    }

    @Test
    void anUnknownKeyInsideTheAccountDetailsIsA400() {
        String message = post(path(), merchant.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s","pin":"1234"}}
                """.formatted(secret)).expectError(400, "IR_06").message();
        assertThat(message).contains("connector_account_details.pin");
    }

    @Test
    void anErrorAboutTheAccountDetailsNeverEchoesTheCredential() {
        Response response = post(path(), merchant.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"stripe_test",
                 "connector_account_details":{"auth_type":"NoSuchAuth","api_key":"%s"}}
                """.formatted(secret)).expectError(400, "IR_06");
        assertThat(response.body()).doesNotContain(secret);
    }

    @Test
    void anUnknownProfileIdIsA404WithHe02() {
        ObjectNode body = (ObjectNode) JSON.readTree(body("stripe_test", secret));
        body.put("profile_id", "pro_doesnotexist");
        assertThat(post(path(), merchant.apiKey(), body.toString()).expectError(404, "HE_02").message())
                .isEqualTo("Business profile does not exist in our records");
        assertThat(get(path(), merchant.apiKey()).expect(200).json().size()).isZero();
    }

    @Test
    void anotherMerchantsProfileIdIsA404WithHe02() {
        TestMerchant other = newMerchant();
        String otherProfile = get("/accounts/" + other.merchantId(), ADMIN_KEY).expect(200).json()
                .get("default_profile").stringValue();
        ObjectNode body = (ObjectNode) JSON.readTree(body("stripe_test", secret));
        body.put("profile_id", otherProfile);
        post(path(), merchant.apiKey(), body.toString()).expectError(404, "HE_02");
    }

    // ---- update ----

    @Test
    void updateOfDisabledChangesOnlyDisabled() {
        JsonNode created = create();
        String id = created.get("merchant_connector_id").stringValue();
        JsonNode updated = post(path(id), merchant.apiKey(), "{\"disabled\":true}").expect(200).json();
        ObjectNode expected = ((ObjectNode) created).deepCopy();
        expected.put("disabled", true);
        assertThat(updated).isEqualTo(expected);
        assertThat(fetch(id)).isEqualTo(expected);
    }

    @Test
    void updateOfTheLabelChangesOnlyTheLabel() {
        JsonNode created = create();
        String id = created.get("merchant_connector_id").stringValue();
        JsonNode updated = post(path(id), merchant.apiKey(), "{\"connector_label\":\"eu_cards\"}").expect(200)
                .json();
        ObjectNode expected = ((ObjectNode) created).deepCopy();
        expected.put("connector_label", "eu_cards");
        assertThat(updated).isEqualTo(expected);
        assertThat(fetch(id)).isEqualTo(expected);
    }

    @Test
    void updateWithoutCredentialsKeepsTheStoredCredentialWorking() {
        String id = createId();
        post(path(id), merchant.apiKey(), "{\"disabled\":true,\"connector_label\":\"renamed\"}").expect(200);
        assertThat(fetch(id).get("connector_account_details").get("api_key").stringValue())
                .isEqualTo("****" + last4());
        assertThat(decrypted(id).apiKey()).isEqualTo(secret);
    }

    @Test
    void updateWithNewCredentialsReplacesThem() {
        String id = createId();
        String rotated = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
        post(path(id), merchant.apiKey(), """
                {"connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"}}
                """.formatted(rotated)).expect(200);
        assertThat(fetch(id).get("connector_account_details").get("api_key").stringValue())
                .isEqualTo("****" + rotated.substring(rotated.length() - 4));
        assertThat(decrypted(id).apiKey()).isEqualTo(rotated);
    }

    @Test
    void updateCannotChangeTheConnectorName() {
        String id = createId();
        assertThat(post(path(id), merchant.apiKey(), "{\"connector_name\":\"adyen_test\"}")
                .expectError(400, "IR_06").message()).contains("connector_name");
        assertThat(fetch(id).get("connector_name").stringValue()).isEqualTo("stripe_test");
    }

    @Test
    void updateMayRepeatTheSameConnectorName() {
        String id = createId();
        post(path(id), merchant.apiKey(), "{\"connector_name\":\"stripe_test\",\"test_mode\":false}").expect(200);
        JsonNode after = fetch(id);
        assertThat(after.get("connector_name").stringValue()).isEqualTo("stripe_test");
        assertThat(after.get("test_mode").booleanValue()).isFalse();
    }

    @Test
    void updateRejectsUnknownFields() {
        String id = createId();
        post(path(id), merchant.apiKey(), "{\"colour\":\"red\"}").expectError(400, "IR_06");
    }

    @Test
    void updateOfAnUnknownAccountIsA404() {
        post(path("mca_doesnotexist"), merchant.apiKey(), "{\"disabled\":true}").expectError(404, "HE_02");
    }

    // ---- delete ----

    @Test
    void deleteAnswersTheMerchantTheIdAndDeletedTrue() {
        String id = createId();
        assertThat(delete(path(id), merchant.apiKey()).expect(200).body()).isEqualTo(
                "{\"merchant_id\":\"" + merchant.merchantId() + "\",\"merchant_connector_id\":\"" + id
                        + "\",\"deleted\":true}");
    }

    @Test
    void aDeletedAccountIsA404OnRetrieve() {
        String id = createId();
        delete(path(id), merchant.apiKey()).expect(200);
        Response r = get(path(id), merchant.apiKey()).expectError(404, "HE_02");
        assertThat(r.message()).isEqualTo("Merchant connector account does not exist in our records");
        assertThat(r.reason()).isEqualTo(id + " does not exist");
    }

    @Test
    void aDeletedAccountsLabelIsFreeForANewAccountAndTheDeletedOneStaysGone() {
        String id = createId();
        String label = fetch(id).get("connector_label").stringValue();
        delete(path(id), merchant.apiKey()).expect(200);

        JsonNode again = post(path(), merchant.apiKey(), body("stripe_test", secret)).expect(200).json();

        assertThat(again.get("connector_label").stringValue()).isEqualTo(label);
        assertThat(again.get("merchant_connector_id").stringValue()).isNotEqualTo(id);
        delete(path(id), merchant.apiKey()).expectError(404, "HE_02");
        post(path(id), merchant.apiKey(), "{\"disabled\":true}").expectError(404, "HE_02");
    }

    @Test
    void aDeletedAccountIsGoneFromTheList() {
        String kept = create("stripe_test").get("merchant_connector_id").stringValue();
        String deleted = create("adyen_test").get("merchant_connector_id").stringValue();
        delete(path(deleted), merchant.apiKey()).expect(200);
        assertThat(get(path(), merchant.apiKey()).expect(200).json().valueStream()
                .map(a -> a.get("merchant_connector_id").stringValue())).containsExactly(kept);
    }

    @Test
    void theAdminKeyDeletesTooAsInTheReference() {
        String id = createId();
        assertThat(delete(path(id), ADMIN_KEY).expect(200).json().get("deleted").booleanValue()).isTrue();
        get(path(id), merchant.apiKey()).expectError(404, "HE_02");
        delete("/account/merchant_nobody_has/connectors/" + id, ADMIN_KEY).expectError(404, "HE_02");
        delete(path(createId()), "not_the_admin_key").expectError(401, "IR_01");
    }

    @Test
    void deleteOfAnUnknownAccountIsA404() {
        delete(path("mca_doesnotexist"), merchant.apiKey()).expectError(404, "HE_02");
    }

    // ---- list ----

    @Test
    void listAnswersTheMerchantsAccountsInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("stripe_test", "adyen_test", "simulator", "paypal_test")) {
            ids.add(create(name).get("merchant_connector_id").stringValue());
        }
        JsonNode list = get(path(), merchant.apiKey()).expect(200).json();
        assertThat(list.isArray()).isTrue();
        assertThat(list.valueStream().map(a -> a.get("merchant_connector_id").stringValue()).toList())
                .isEqualTo(ids);
    }

    @Test
    void listOfAMerchantWithoutAccountsIsAnEmptyArray() {
        assertThat(get(path(), merchant.apiKey()).expect(200).body()).isEqualTo("[]");
    }

    @Test
    void listAnswersOnlyTheMerchantsOwnAccounts() {
        String own = createId();
        TestMerchant other = newMerchant();
        post("/account/" + other.merchantId() + "/connectors", other.apiKey(), body("stripe_test", secret))
                .expect(200);
        assertThat(get(path(), merchant.apiKey()).expect(200).json().valueStream()
                .map(a -> a.get("merchant_connector_id").stringValue())).containsExactly(own);
    }

    // ---- authentication and tenant isolation ----

    @Test
    void anotherMerchantsKeyOnThisMerchantsPathIsA401() {
        String id = createId();
        TestMerchant other = newMerchant();
        get(path(), other.apiKey()).expectError(401, "IR_01");
        post(path(), other.apiKey(), body("stripe_test", secret)).expectError(401, "IR_01");
        get(path(id), other.apiKey()).expectError(401, "IR_01");
        post(path(id), other.apiKey(), "{\"disabled\":true}").expectError(401, "IR_01");
        delete(path(id), other.apiKey()).expectError(401, "IR_01");
        assertThat(fetch(id).get("disabled").booleanValue()).isFalse();
    }

    @Test
    void aRequestWithoutAKeyIsA401() {
        get(path(), null).expectError(401, "IR_01");
        post(path(), null, body("stripe_test", secret)).expectError(401, "IR_01");
    }

    @Test
    void theAdminKeyIsNotAMerchantKey() {
        get(path(), ADMIN_KEY).expectError(401, "IR_01");
        post(path(), ADMIN_KEY, body("stripe_test", secret)).expectError(401, "IR_01");
    }

    @Test
    void anotherMerchantRetrievingThisAccountUnderItsOwnPathGetsTheSame404AsForARandomId() {
        String id = createId();
        TestMerchant other = newMerchant();
        String otherPath = "/account/" + other.merchantId() + "/connectors/";
        Response foreign = get(otherPath + id, other.apiKey()).expectError(404, "HE_02");
        String randomId = "mca_" + "0".repeat(20);
        Response random = get(otherPath + randomId, other.apiKey()).expectError(404, "HE_02");
        // The same words; the reason names the id asked for, whoever has it.
        assertThat(foreign.body()).isEqualTo(random.body().replace(randomId, id));
    }

    @Test
    void anotherMerchantCannotUpdateOrDeleteThisAccountUnderItsOwnPath() {
        String id = createId();
        TestMerchant other = newMerchant();
        String otherPath = "/account/" + other.merchantId() + "/connectors/" + id;
        post(otherPath, other.apiKey(), "{\"disabled\":true}").expectError(404, "HE_02");
        delete(otherPath, other.apiKey()).expectError(404, "HE_02");
        assertThat(fetch(id).get("disabled").booleanValue()).isFalse();
    }

    @Test
    void aMalformedIdInThePathIsA404WithHe02() {
        get(path("a".repeat(65)), merchant.apiKey()).expectError(404, "HE_02");
        get(path("bad%20id"), merchant.apiKey()).expectError(404, "HE_02");
        get(path("mca_%C3%A9"), merchant.apiKey()).expectError(404, "HE_02");
        post(path("bad%20id"), merchant.apiKey(), "{\"disabled\":true}").expectError(404, "HE_02");
        delete(path("bad%20id"), merchant.apiKey()).expectError(404, "HE_02");
    }
}
