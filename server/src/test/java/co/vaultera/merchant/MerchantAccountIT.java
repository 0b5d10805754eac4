package co.vaultera.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MerchantAccountIT extends ApiTestSupport {

    @Test
    void createAnswersTheAccountWithGeneratedKeysProfileAndOrganization() {
        String id = unique("m");
        JsonNode m = post("/accounts", ADMIN_KEY, """
                {"merchant_id":"%s","merchant_name":"Acme","return_url":"https://acme.test/done",
                 "publishable_key":"pk_ignored","metadata":{"tier":"gold"}}
                """.formatted(id)).expect(200).json();
        assertThat(m.get("merchant_id").stringValue()).isEqualTo(id);
        assertThat(m.get("merchant_name").stringValue()).isEqualTo("Acme");
        assertThat(m.get("publishable_key").stringValue()).matches("pk_snd_[0-9a-f]{32}");
        assertThat(m.get("default_profile").stringValue()).matches("pro_[0-9A-Za-z]{20}");
        assertThat(m.get("organization_id").stringValue()).matches("org_[0-9A-Za-z]{20}");
        assertThat(m.get("payment_response_hash_key").stringValue()).matches("[0-9A-Za-z]{64}");
        assertThat(m.get("enable_payment_response_hash").booleanValue()).isTrue();
        assertThat(m.get("redirect_to_merchant_with_http_post").booleanValue()).isFalse();
        assertThat(m.get("merchant_account_type").stringValue()).isEqualTo("standard");
        assertThat(m.get("recon_status").stringValue()).isEqualTo("not_requested");
        assertThat(get("/accounts/" + id, ADMIN_KEY).expect(200).json()).isEqualTo(m);
        assertThat(jdbc.sql("select count(*) from business_profile where merchant_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void createMakesOneProfilePerPrimaryBusinessDetail() {
        String id = unique("m");
        post("/accounts", ADMIN_KEY, """
                {"merchant_id":"%s","primary_business_details":[{"country":"US","business":"food"},
                 {"country":"GB","business":"toys"}]}
                """.formatted(id)).expect(200);
        assertThat(jdbc.sql("select profile_name from business_profile where merchant_id = ? order by profile_name")
                .param(id).query(String.class).list()).containsExactly("GB_toys", "US_food");
    }

    @Test
    void aDuplicateMerchantIdIsA400WithHe01() {
        String id = unique("m");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + id + "\"}").expect(200);
        assertThat(post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + id + "\"}").expectError(400, "HE_01")
                .message()).isEqualTo("The merchant account with the specified details already exists in our records");
    }

    @Test
    void theMerchantIdIsRequiredAndLimitedToSixtyFourIdCharacters() {
        post("/accounts", ADMIN_KEY, "{}").expectError(400, "IR_06");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + "m".repeat(65) + "\"}").expectError(400, "IR_06");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"has space\"}").expectError(400, "IR_06");
    }

    @Test
    void unknownFieldsAreRejectedAlsoInsideWebhookDetails() {
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + unique("m") + "\",\"colour\":\"red\"}")
                .expectError(400, "IR_06");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + unique("m") + "\",\"webhook_details\":{\"x\":1}}")
                .expectError(400, "IR_06");
    }

    @Test
    void everyMerchantRouteNeedsTheAdminKey() {
        post("/accounts", null, "{\"merchant_id\":\"" + unique("m") + "\"}").expectError(401, "IR_01");
        post("/accounts", "wrong", "{\"merchant_id\":\"" + unique("m") + "\"}").expectError(401, "IR_01");
        get("/accounts/list", "wrong").expectError(401, "IR_01");
    }

    @Test
    void updateChangesTheFieldsSentAndKeepsTheRest() {
        String id = unique("m");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + id + "\",\"merchant_name\":\"Old\",\"locker_id\":\"l1\"}")
                .expect(200);
        JsonNode updated = post("/accounts/" + id, ADMIN_KEY, """
                {"merchant_name":"New","webhook_details":{"webhook_url":"https://acme.test/hooks",
                 "payment_succeeded_enabled":true}}
                """).expect(200).json();
        assertThat(updated.get("merchant_name").stringValue()).isEqualTo("New");
        assertThat(updated.get("locker_id").stringValue()).isEqualTo("l1");
        assertThat(updated.get("webhook_details").get("webhook_url").stringValue()).isEqualTo("https://acme.test/hooks");
        assertThat(get("/accounts/" + id, ADMIN_KEY).json()).isEqualTo(updated);
    }

    @Test
    void deleteRemovesTheAccountAndItsKeysStopWorking() {
        TestMerchant m = newMerchant();
        assertThat(delete("/accounts/" + m.merchantId(), ADMIN_KEY).expect(200).json().toString())
                .isEqualTo("{\"merchant_id\":\"" + m.merchantId() + "\",\"deleted\":true}");
        get("/accounts/" + m.merchantId(), ADMIN_KEY).expectError(404, "HE_02");
        get("/customers/list", m.apiKey()).expectError(401, "IR_01");
    }

    @Test
    void listAnswersTheAccountsOfAnOrganization() {
        String first = unique("m");
        String org = post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + first + "\"}").json()
                .get("organization_id").stringValue();
        String second = unique("m");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + second + "\",\"organization_id\":\"" + org + "\"}")
                .expect(200);
        JsonNode list = get("/accounts/list?organization_id=" + org, ADMIN_KEY).expect(200).json();
        assertThat(list.valueStream().map(a -> a.get("merchant_id").stringValue()).toList())
                .containsExactly(first, second);
    }

    @Test
    void merchantSecretsAreEncryptedAtRest() {
        String id = unique("m");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + id + "\",\"merchant_name\":\"PlainNameMarker\"}")
                .expect(200);
        String row = jdbc.sql("select row_to_json(m)::text from merchant_account m where merchant_id = ?").param(id)
                .query(String.class).single();
        assertThat(row).doesNotContain("PlainNameMarker");
    }
}
