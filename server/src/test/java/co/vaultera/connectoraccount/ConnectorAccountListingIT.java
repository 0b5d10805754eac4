package co.vaultera.connectoraccount;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.apikey.ApiKeyService;
import co.vaultera.crypto.DataKey;
import co.vaultera.support.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The read behind routing's cached copy of a merchant's accounts, called directly. */
class ConnectorAccountListingIT extends ApiTestSupport {

    @Autowired
    private ConnectorAccountRepository accounts;

    @Autowired
    private ApiKeyService apiKeys;

    @Test
    void eachMerchantsReadAnswersItsOwnAccountsInCreationOrderDecrypted() {
        TestMerchant a = newMerchant();
        TestMerchant b = newMerchant();
        TestMerchant none = newMerchant();
        String a1 = connector(a, "stripe_test", "sk_a1");
        String a2 = connector(a, "adyen_test", "sk_a2");
        String b1 = connector(b, "fauxpay", "sk_b1");

        List<ConnectorAccountRecord> ofA = accounts.list(key(a));
        List<ConnectorAccountRecord> ofB = accounts.list(key(b));

        assertThat(ids(ofB)).containsExactly(b1);
        assertThat(ids(ofA)).containsExactly(a1, a2);
        assertThat(accounts.list(key(none))).isEmpty();
        assertThat(ofA.getFirst().accountDetails().apiKey()).isEqualTo("sk_a1");
        assertThat(ofB.getFirst().accountDetails().apiKey()).isEqualTo("sk_b1");
    }

    private DataKey key(TestMerchant m) {
        return apiKeys.authenticate(m.apiKey()).orElseThrow().dataKey();
    }

    private String connector(TestMerchant m, String name, String apiKey) {
        return post("/account/" + m.merchantId() + "/connectors", m.apiKey(), """
                {"connector_type":"payment_processor","connector_name":"%s",
                 "connector_account_details":{"auth_type":"HeaderKey","api_key":"%s"}}
                """.formatted(name, apiKey)).expect(200).json().get("merchant_connector_id").asString();
    }

    private static List<String> ids(List<ConnectorAccountRecord> records) {
        return records.stream().map(ConnectorAccountRecord::merchantConnectorId).toList();
    }
}
