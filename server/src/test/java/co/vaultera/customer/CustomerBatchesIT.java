package co.vaultera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.apikey.ApiKeyService;
import co.vaultera.common.Ids;
import co.vaultera.common.Timestamps;
import co.vaultera.crypto.DataKey;
import co.vaultera.customer.Customer.Address;
import co.vaultera.customer.CustomerBatches.Lookup;
import co.vaultera.support.ApiTestSupport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The multi-row statements that concurrent creates and retrieves share, given mixed batches directly (over HTTP,
 * which calls end up in one batch depends on timing).
 */
class CustomerBatchesIT extends ApiTestSupport {

    @Autowired
    CustomerBatches batches;

    @Autowired
    ApiKeyService apiKeys;

    private DataKey keyA;
    private DataKey keyB;

    @BeforeEach
    void twoMerchants() {
        keyA = apiKeys.authenticate(newMerchant().apiKey()).orElseThrow().dataKey();
        keyB = apiKeys.authenticate(newMerchant().apiKey()).orElseThrow().dataKey();
    }

    @Test
    void oneInsertOfManyMerchantsCustomersAnswersPerRowWhetherItInsertedAndWritesEachAddressWithItsCustomer() {
        Customer taken = customer(unique("cus"), "Taken", true);
        assertThat(batches.insert(List.of(batches.newRow(keyA, taken)))).containsExactly(true);

        Customer a1 = customer(unique("cus"), "Ann", true);
        Customer a2 = customer(unique("cus"), "Abe", false);
        Customer b1 = customer(a1.customerId(), "Bob", true);
        Customer again = customer(taken.customerId(), "Again", true);
        Customer twin = customer(a2.customerId(), "Twin", true);
        List<Boolean> inserted = batches.insert(List.of(batches.newRow(keyA, a1), batches.newRow(keyA, a2),
                batches.newRow(keyB, b1), batches.newRow(keyA, again), batches.newRow(keyA, twin)));

        assertThat(inserted).containsExactly(true, true, true, false, false);
        assertThat(batches.find(List.of(new Lookup(keyA, a1.customerId())))).containsExactly(Optional.of(a1));
        assertThat(batches.find(List.of(new Lookup(keyA, a2.customerId())))).containsExactly(Optional.of(a2));
        assertThat(batches.find(List.of(new Lookup(keyB, b1.customerId())))).containsExactly(Optional.of(b1));
        assertThat(batches.find(List.of(new Lookup(keyA, taken.customerId())))).containsExactly(Optional.of(taken));
        assertThat(addressRows(keyA, taken.customerId())).isEqualTo(1);
        assertThat(addressRows(keyA, a2.customerId())).isZero();
    }

    @Test
    void oneReadOfManyLookupsAnswersEachInItsOrderAndNeverAnotherMerchantsCustomer() {
        Customer a = customer(unique("cus"), "Ann", true);
        Customer b = customer(unique("cus"), "Bob", false);
        batches.insert(List.of(batches.newRow(keyA, a), batches.newRow(keyB, b)));

        List<Optional<Customer>> found = batches.find(List.of(new Lookup(keyB, b.customerId()),
                new Lookup(keyB, a.customerId()), new Lookup(keyA, a.customerId()),
                new Lookup(keyA, unique("cus")), new Lookup(keyA, a.customerId())));

        assertThat(found).containsExactly(Optional.of(b), Optional.empty(), Optional.of(a), Optional.empty(),
                Optional.of(a));
    }

    private long addressRows(DataKey key, String customerId) {
        return jdbc.sql("select count(*) from address where merchant_id = ? and customer_id = ?")
                .params(key.merchantId(), customerId).query(Long.class).single();
    }

    private static Customer customer(String id, String name, boolean withAddress) {
        Address address = withAddress ? new Address(Ids.address(), "Austin", "US", "1 Main St", null, null, "78701",
                "TX", name, "Doe") : null;
        return new Customer(id, name, name.toLowerCase() + "@example.com", "5550100", "+1", "a customer", address,
                null, null, Timestamps.now(), false);
    }
}
