package co.vaultera.connectoraccount;

import co.vaultera.connectoraccount.api.ConnectorAccountRequest.AuthDetails;
import co.vaultera.connectoraccount.api.ConnectorAccountRequest.WebhookDetails;
import co.vaultera.crypto.DataKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SQL for merchant connector accounts; credentials and webhook secrets are encrypted with the merchant's key. */
@Repository
public class ConnectorAccountRepository {

    private static final String SELECT = """
            select merchant_id, merchant_connector_id, connector_type, connector_name, connector_label, profile_id,
                   connector_account_details, test_mode, disabled, payment_methods_enabled::text as pme,
                   metadata::text as metadata, connector_webhook_details, business_country, business_label,
                   business_sub_label, status, created_at
              from merchant_connector_account
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ConnectorAccountRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public boolean profileExists(String merchantId, String profileId) {
        return jdbc.sql("select 1 from business_profile where merchant_id = ? and profile_id = ?")
                .params(merchantId, profileId).query(Integer.class).optional().isPresent();
    }

    public void insert(DataKey key, ConnectorAccountRecord a) {
        String id = a.merchantConnectorId();
        Timestamp now = Timestamp.from(a.createdAt());
        jdbc.sql("""
                        insert into merchant_connector_account (merchant_id, merchant_connector_id, connector_type,
                            connector_name, connector_label, profile_id, connector_account_details, test_mode,
                            disabled, payment_methods_enabled, metadata, connector_webhook_details,
                            business_country, business_label, business_sub_label, status, created_at, modified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::json, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(key.merchantId(), id, a.connectorType(), a.connectorName(), a.connectorLabel(),
                        a.profileId(), key.encrypt(text(a.accountDetails()), id, "connector_account_details"),
                        a.testMode(), a.disabled(), text(a.paymentMethodsEnabled()), text(a.metadata()),
                        key.encrypt(text(a.webhookDetails()), id, "connector_webhook_details"),
                        a.businessCountry(), a.businessLabel(), a.businessSubLabel(), a.status(), now, now)
                .update();
    }

    public void update(DataKey key, ConnectorAccountRecord a) {
        String id = a.merchantConnectorId();
        jdbc.sql("""
                        update merchant_connector_account
                           set connector_type = ?, connector_label = ?, profile_id = ?,
                               connector_account_details = ?, test_mode = ?, disabled = ?,
                               payment_methods_enabled = ?::jsonb, metadata = ?::json,
                               connector_webhook_details = ?, business_country = ?, business_label = ?,
                               business_sub_label = ?, status = ?, modified_at = now()
                         where merchant_id = ? and merchant_connector_id = ? and deleted_at is null
                        """)
                .params(a.connectorType(), a.connectorLabel(), a.profileId(),
                        key.encrypt(text(a.accountDetails()), id, "connector_account_details"), a.testMode(),
                        a.disabled(), text(a.paymentMethodsEnabled()), text(a.metadata()),
                        key.encrypt(text(a.webhookDetails()), id, "connector_webhook_details"),
                        a.businessCountry(), a.businessLabel(), a.businessSubLabel(), a.status(), key.merchantId(), id)
                .update();
    }

    public Optional<ConnectorAccountRecord> find(DataKey key, String id) {
        return jdbc.sql(SELECT + " where merchant_id = ? and merchant_connector_id = ? and deleted_at is null")
                .params(key.merchantId(), id).query((rs, i) -> map(key, rs)).optional();
    }

    /** The account even if deleted: what settles the payments and refunds made on it before. */
    public Optional<ConnectorAccountRecord> findEvenIfDeleted(DataKey key, String id) {
        return jdbc.sql(SELECT + " where merchant_id = ? and merchant_connector_id = ?").params(key.merchantId(), id)
                .query((rs, i) -> map(key, rs)).optional();
    }

    /**
     * A merchant's accounts in creation order (the default routing order). Payments route over
     * {@link ConnectorAccountService}'s cached copy, so this runs when that copy is refreshed and for the list API.
     */
    public List<ConnectorAccountRecord> list(DataKey key) {
        return jdbc.sql(SELECT + " where merchant_id = ? and deleted_at is null order by created_seq")
                .params(key.merchantId())
                .query((rs, i) -> map(key, rs)).list();
    }

    /** Marks the account deleted (migration V202611272200 says why it is kept); false if there is none. */
    public boolean delete(String merchantId, String id) {
        return jdbc.sql("""
                        update merchant_connector_account set deleted_at = now(), modified_at = now()
                         where merchant_id = ? and merchant_connector_id = ? and deleted_at is null
                        """)
                .params(merchantId, id).update() == 1;
    }

    /**
     * Erases the credentials and webhook secret of every account deleted at least {@code grace} ago on which no
     * attempt and no refund is still to be synced (migration V202611280300); answers how many it erased. The grace
     * covers a capture or refund that read the account just before its delete and has yet to write its row.
     */
    public int eraseCredentialsOfSettledDeleted(Duration grace) {
        return jdbc.sql("""
                        update merchant_connector_account m
                           set connector_account_details = null, connector_webhook_details = null,
                               modified_at = now()
                         where m.deleted_at <= now() - make_interval(secs => ?)
                           and (m.connector_account_details is not null or m.connector_webhook_details is not null)
                           and not exists (select 1 from payment_attempt a
                                            where a.merchant_id = m.merchant_id
                                              and a.merchant_connector_id = m.merchant_connector_id
                                              and a.next_sync_at is not null)
                           and not exists (select 1 from refund r
                                            where r.merchant_id = m.merchant_id
                                              and r.merchant_connector_id = m.merchant_connector_id
                                              and r.next_sync_at is not null)
                        """)
                .params(grace.toMillis() / 1000.0).update();
    }

    private ConnectorAccountRecord map(DataKey key, ResultSet rs) throws SQLException {
        String id = rs.getString("merchant_connector_id");
        String details = key.decrypt(rs.getBytes("connector_account_details"), id, "connector_account_details");
        String webhook = key.decrypt(rs.getBytes("connector_webhook_details"), id, "connector_webhook_details");
        String pme = rs.getString("pme");
        String metadata = rs.getString("metadata");
        return new ConnectorAccountRecord(id, rs.getString("connector_type"), rs.getString("connector_name"),
                rs.getString("connector_label"), rs.getString("profile_id"),
                details == null ? null : json.readValue(details, AuthDetails.class),
                rs.getBoolean("test_mode"), rs.getBoolean("disabled"),
                pme == null ? null : (ArrayNode) json.readTree(pme),
                metadata == null ? null : (ObjectNode) json.readTree(metadata),
                webhook == null ? null : json.readValue(webhook, WebhookDetails.class),
                rs.getString("business_country"), rs.getString("business_label"),
                rs.getString("business_sub_label"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant());
    }

    private String text(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
