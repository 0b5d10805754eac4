package co.vaultera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another merchant's customer is, byte for byte, the same 404 as an id that never existed. */
class TenantIsolationIT extends ApiTestSupport {

    private TestMerchant a;
    private TestMerchant b;
    private String id;

    @BeforeEach
    void twoMerchants() {
        a = newMerchant();
        b = newMerchant();
        id = unique("cus");
        post("/customers", a.apiKey(), "{\"customer_id\":\"" + id + "\",\"name\":\"Secret\"}").expect(200);
    }

    @Test
    void retrieveOfAnotherMerchantsCustomerIsTheSame404AsARandomId() {
        Response foreign = get("/customers/" + id, b.apiKey()).expectError(404, "HE_02");
        Response random = get("/customers/" + unique("cus"), b.apiKey()).expectError(404, "HE_02");
        assertThat(foreign.body()).isEqualTo(random.body());
    }

    @Test
    void updateOfAnotherMerchantsCustomerIsTheSame404AndChangesNothing() {
        Response foreign = post("/customers/" + id, b.apiKey(), "{\"name\":\"Hijack\"}").expectError(404, "HE_02");
        Response random = post("/customers/" + unique("cus"), b.apiKey(), "{\"name\":\"x\"}").expectError(404, "HE_02");
        assertThat(foreign.body()).isEqualTo(random.body());
        assertThat(get("/customers/" + id, a.apiKey()).json().get("name").stringValue()).isEqualTo("Secret");
    }

    @Test
    void deleteOfAnotherMerchantsCustomerIsTheSame404AndRedactsNothing() {
        Response foreign = delete("/customers/" + id, b.apiKey()).expectError(404, "HE_02");
        Response random = delete("/customers/" + unique("cus"), b.apiKey()).expectError(404, "HE_02");
        assertThat(foreign.body()).isEqualTo(random.body());
        assertThat(get("/customers/" + id, a.apiKey()).json().get("name").stringValue()).isEqualTo("Secret");
    }

    @Test
    void twoMerchantsMayUseTheSameCustomerIdIndependently() {
        post("/customers", b.apiKey(), "{\"customer_id\":\"" + id + "\",\"name\":\"Other\"}").expect(200);
        assertThat(get("/customers/" + id, a.apiKey()).json().get("name").stringValue()).isEqualTo("Secret");
        assertThat(get("/customers/" + id, b.apiKey()).json().get("name").stringValue()).isEqualTo("Other");
    }

    @Test
    void listShowsOnlyTheCallersCustomers() {
        assertThat(get("/customers/list", b.apiKey()).expect(200).json().size()).isZero();
        assertThat(get("/customers/list?customer_id=" + id, b.apiKey()).expect(200).json().size()).isZero();
        assertThat(get("/customers/list?customer_id=" + id, a.apiKey()).expect(200).json().size()).isEqualTo(1);
    }
}
