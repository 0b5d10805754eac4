package co.vaultera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** Concurrent reads share statements across merchants (CustomerBatches); each still sees only its own rows. */
    @Test
    void manyConcurrentRetrievesOfTwoMerchantsEachSeeOnlyTheirOwnCustomer() throws Exception {
        String idOfB = unique("cus");
        post("/customers", b.apiKey(), "{\"customer_id\":\"" + idOfB + "\",\"name\":\"Other\"}").expect(200);
        post("/customers", b.apiKey(), "{\"customer_id\":\"" + id + "\",\"name\":\"Same id, B\"}").expect(200);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            TestMerchant m = i % 2 == 0 ? a : b;
            String path = "/customers/" + (i % 4 < 2 ? id : idOfB);
            calls.add(() -> {
                Response r = get(path, m.apiKey());
                return r.status() + " " + (r.status() == 200 ? r.json().get("name").stringValue() : "");
            });
        }
        List<String> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (Future<String> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        }
        for (int i = 0; i < answers.size(); i++) {
            String expected = switch (i % 4) {
                case 0 -> "200 Secret";
                case 1 -> "200 Same id, B";
                case 2 -> "404 ";
                default -> "200 Other";
            };
            assertThat(answers.get(i)).as("call %d", i).isEqualTo(expected);
        }
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
