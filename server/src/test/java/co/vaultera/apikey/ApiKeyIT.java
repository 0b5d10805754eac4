package co.vaultera.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiKeyIT extends ApiTestSupport {

    private String merchant() {
        String id = unique("m");
        post("/accounts", ADMIN_KEY, "{\"merchant_id\":\"" + id + "\"}").expect(200);
        return id;
    }

    @Test
    void createShowsThePlaintextKeyOnceAndRetrieveShowsOnlyItsPrefix() {
        String m = merchant();
        JsonNode created = post("/api_keys/" + m, ADMIN_KEY,
                "{\"name\":\"Checkout backend\",\"description\":\"Server key\",\"expiration\":\"2099-12-31T00:00:00Z\"}")
                .expect(200).json();
        assertThat(created.propertyNames()).containsExactly("key_id", "merchant_id", "name", "description", "api_key",
                "created", "expiration");
        String key = created.get("api_key").stringValue();
        assertThat(key).matches("snd_[A-Za-z0-9]{64}");
        assertThat(created.get("key_id").stringValue()).matches("snd_[A-Za-z0-9]{20}");
        assertThat(created.get("expiration").stringValue()).isEqualTo("2099-12-31T00:00:00.000Z");

        Response retrieved = get("/api_keys/" + m + "/" + created.get("key_id").stringValue(), ADMIN_KEY).expect(200);
        assertThat(retrieved.json().get("prefix").stringValue()).isEqualTo(key.substring(0, 12));
        assertThat(retrieved.body()).doesNotContain(key);
        assertThat(get("/api_keys/" + m + "/list", ADMIN_KEY).expect(200).body()).doesNotContain(key);
    }

    @Test
    void theDatabaseHoldsOnlyAKeyedHashOfTheKey() {
        String m = merchant();
        String key = post("/api_keys/" + m, ADMIN_KEY, "{\"name\":\"k\",\"expiration\":\"never\"}").json()
                .get("api_key").stringValue();
        String row = jdbc.sql("select row_to_json(k)::text from api_key k where merchant_id = ?").param(m)
                .query(String.class).single();
        assertThat(row).doesNotContain(key).doesNotContain(key.substring(12));
        assertThat(jdbc.sql("select length(hashed_api_key) from api_key where merchant_id = ?").param(m)
                .query(Integer.class).single()).isEqualTo(32);
    }

    @Test
    void aRevokedKeyIsRejectedAtOnce() {
        String m = merchant();
        JsonNode created = post("/api_keys/" + m, ADMIN_KEY, "{\"name\":\"k\",\"expiration\":\"never\"}").json();
        String key = created.get("api_key").stringValue();
        get("/customers/list", key).expect(200);
        JsonNode revoked = delete("/api_keys/" + m + "/" + created.get("key_id").stringValue(), ADMIN_KEY)
                .expect(200).json();
        assertThat(revoked.get("revoked").booleanValue()).isTrue();
        get("/customers/list", key).expectError(401, "IR_01");
    }

    @Test
    void anExpiredKeyIsRejectedWithTheSameBodyAsAnUnknownOne() {
        String m = merchant();
        JsonNode created = post("/api_keys/" + m, ADMIN_KEY, "{\"name\":\"k\",\"expiration\":\"2099-01-01T00:00:00Z\"}")
                .json();
        jdbc.sql("update api_key set expires_at = now() - interval '1 second' where merchant_id = ? and key_id = ?")
                .params(m, created.get("key_id").stringValue()).update();
        Response expired = get("/customers/list", created.get("api_key").stringValue()).expectError(401, "IR_01");
        Response unknown = get("/customers/list", "snd_unknown").expectError(401, "IR_01");
        assertThat(expired.body()).isEqualTo(unknown.body());
    }

    @Test
    void updateChangesNameDescriptionAndExpiration() {
        String m = merchant();
        String keyId = post("/api_keys/" + m, ADMIN_KEY, "{\"name\":\"k\",\"expiration\":\"never\"}").json()
                .get("key_id").stringValue();
        JsonNode updated = post("/api_keys/" + m + "/" + keyId, ADMIN_KEY,
                "{\"name\":\"renamed\",\"expiration\":\"2098-05-01T10:00:00Z\"}").expect(200).json();
        assertThat(updated.get("name").stringValue()).isEqualTo("renamed");
        assertThat(updated.get("expiration").stringValue()).isEqualTo("2098-05-01T10:00:00.000Z");
        assertThat(get("/api_keys/" + m + "/" + keyId, ADMIN_KEY).json()).isEqualTo(updated);
    }

    @Test
    void createNeedsAnExpirationAndRejectsUnknownFields() {
        String m = merchant();
        post("/api_keys/" + m, ADMIN_KEY, "{\"name\":\"k\"}").expectError(400, "IR_06");
        post("/api_keys/" + m, ADMIN_KEY, "{\"name\":\"k\",\"expiration\":\"never\",\"x\":1}").expectError(400, "IR_06");
        post("/api_keys/" + m, ADMIN_KEY, "{\"name\":\"k\",\"expiration\":\"2001-01-01T00:00:00Z\"}")
                .expectError(400, "IR_06");
    }

    @Test
    void keysOfAnUnknownMerchantAreA404() {
        post("/api_keys/nobody_here", ADMIN_KEY, "{\"name\":\"k\",\"expiration\":\"never\"}").expectError(404, "HE_02");
        get("/api_keys/nobody_here/snd_x", ADMIN_KEY).expectError(404, "HE_02");
    }

    @Test
    void listPagesThroughAMerchantsKeys() {
        String m = merchant();
        for (int i = 0; i < 3; i++) {
            post("/api_keys/" + m, ADMIN_KEY, "{\"name\":\"k" + i + "\",\"expiration\":\"never\"}").expect(200);
        }
        assertThat(get("/api_keys/" + m + "/list", ADMIN_KEY).expect(200).json().size()).isEqualTo(3);
        assertThat(get("/api_keys/" + m + "/list?limit=2&skip=2", ADMIN_KEY).expect(200).json().size()).isEqualTo(1);
    }
}
