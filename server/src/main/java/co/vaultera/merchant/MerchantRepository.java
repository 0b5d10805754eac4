package co.vaultera.merchant;

import co.vaultera.crypto.DataKey;
import co.vaultera.crypto.DataKeys;
import co.vaultera.merchant.api.MerchantAccountRequest.BusinessDetails;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQL for merchant accounts, organizations and business profiles. Secret columns are encrypted here with the
 * merchant's own data key, bound to the merchant id and the column name.
 */
@Repository
public class MerchantRepository {

    private static final String SELECT = """
            select merchant_id, organization_id, data_key, merchant_name, merchant_details,
                   payment_response_hash_key, publishable_key, return_url, webhook_details,
                   enable_payment_response_hash, redirect_to_merchant_with_http_post, metadata::text as metadata,
                   primary_business_details::text as primary_business_details, merchant_account_type,
                   sub_merchants_enabled, parent_merchant_id, locker_id, product_type, default_profile, created_at
              from merchant_account
            """;

    private final JdbcClient jdbc;
    private final DataKeys dataKeys;
    private final JsonMapper json;

    public MerchantRepository(JdbcClient jdbc, DataKeys dataKeys, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataKeys = dataKeys;
        this.json = json;
    }

    public boolean organizationExists(String organizationId) {
        return jdbc.sql("select 1 from organization where organization_id = ?").param(organizationId)
                .query(Integer.class).optional().isPresent();
    }

    public void insertOrganization(String organizationId, Instant now) {
        jdbc.sql("insert into organization (organization_id, created_at) values (?, ?)")
                .params(organizationId, Timestamp.from(now)).update();
    }

    /** Inserts the merchant unless its id is taken; answers whether it did. */
    public boolean insert(Merchant m, byte[] wrappedDataKey, int dataKeyVersion) {
        DataKey key = dataKeys.unwrap(m.merchantId(), wrappedDataKey);
        Timestamp now = Timestamp.from(m.createdAt());
        int rows = jdbc.sql("""
                        insert into merchant_account (merchant_id, organization_id, data_key, data_key_version,
                            merchant_name, merchant_details, payment_response_hash_key, publishable_key, return_url,
                            webhook_details, enable_payment_response_hash, redirect_to_merchant_with_http_post,
                            metadata, primary_business_details, merchant_account_type, sub_merchants_enabled,
                            parent_merchant_id, locker_id, product_type, default_profile, created_at, modified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (merchant_id) do nothing
                        """)
                .params(m.merchantId(), m.organizationId(), wrappedDataKey, dataKeyVersion,
                        key.encrypt(m.merchantName(), m.merchantId(), "merchant_name"),
                        key.encrypt(text(m.merchantDetails()), m.merchantId(), "merchant_details"),
                        key.encrypt(m.paymentResponseHashKey(), m.merchantId(), "payment_response_hash_key"),
                        m.publishableKey(), m.returnUrl(),
                        key.encrypt(text(m.webhookDetails()), m.merchantId(), "webhook_details"),
                        m.enablePaymentResponseHash(), m.redirectToMerchantWithHttpPost(), text(m.metadata()),
                        json.writeValueAsString(m.primaryBusinessDetails()), m.merchantAccountType(),
                        m.subMerchantsEnabled(), m.parentMerchantId(), m.lockerId(), m.productType(),
                        m.defaultProfile(), now, now)
                .update();
        return rows == 1;
    }

    public void insertProfile(String merchantId, String profileId, String name, Instant now) {
        jdbc.sql("""
                        insert into business_profile (merchant_id, profile_id, profile_name, created_at, modified_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(merchantId, profileId, name, Timestamp.from(now), Timestamp.from(now)).update();
    }

    public Optional<Merchant> find(String merchantId) {
        return jdbc.sql(SELECT + " where merchant_id = ?").param(merchantId).query(this::map).optional();
    }

    /** Locks the row for an update in the caller's transaction. */
    public Optional<Merchant> findForUpdate(String merchantId) {
        return jdbc.sql(SELECT + " where merchant_id = ? for update").param(merchantId).query(this::map).optional();
    }

    public List<Merchant> list(String organizationId) {
        if (organizationId == null) {
            return jdbc.sql(SELECT + " order by created_at, merchant_id").query(this::map).list();
        }
        return jdbc.sql(SELECT + " where organization_id = ? order by created_at, merchant_id")
                .param(organizationId).query(this::map).list();
    }

    public void update(Merchant m) {
        DataKey key = dataKeys.unwrap(m.merchantId(), wrappedKey(m.merchantId()));
        jdbc.sql("""
                        update merchant_account
                           set merchant_name = ?, merchant_details = ?, payment_response_hash_key = ?,
                               return_url = ?, webhook_details = ?, enable_payment_response_hash = ?,
                               redirect_to_merchant_with_http_post = ?, metadata = ?::json,
                               primary_business_details = ?::jsonb, merchant_account_type = ?,
                               sub_merchants_enabled = ?, parent_merchant_id = ?, locker_id = ?, product_type = ?,
                               modified_at = now()
                         where merchant_id = ?
                        """)
                .params(key.encrypt(m.merchantName(), m.merchantId(), "merchant_name"),
                        key.encrypt(text(m.merchantDetails()), m.merchantId(), "merchant_details"),
                        key.encrypt(m.paymentResponseHashKey(), m.merchantId(), "payment_response_hash_key"),
                        m.returnUrl(), key.encrypt(text(m.webhookDetails()), m.merchantId(), "webhook_details"),
                        m.enablePaymentResponseHash(), m.redirectToMerchantWithHttpPost(), text(m.metadata()),
                        json.writeValueAsString(m.primaryBusinessDetails()), m.merchantAccountType(),
                        m.subMerchantsEnabled(), m.parentMerchantId(), m.lockerId(), m.productType(), m.merchantId())
                .update();
    }

    public boolean delete(String merchantId) {
        return jdbc.sql("delete from merchant_account where merchant_id = ?").param(merchantId).update() == 1;
    }

    /** What a merchant's request context is made of (see {@code MerchantContext}). */
    public record ContextColumns(byte[] wrappedDataKey, String defaultProfile) {
    }

    public Optional<ContextColumns> contextColumns(String merchantId) {
        return jdbc.sql("select data_key, default_profile from merchant_account where merchant_id = ?")
                .param(merchantId).query((rs, i) -> new ContextColumns(rs.getBytes(1), rs.getString(2))).optional();
    }

    private byte[] wrappedKey(String merchantId) {
        return contextColumns(merchantId).orElseThrow().wrappedDataKey();
    }

    private Merchant map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("merchant_id");
        DataKey key = dataKeys.unwrap(id, rs.getBytes("data_key"));
        return new Merchant(
                id,
                rs.getString("organization_id"),
                key.decrypt(rs.getBytes("merchant_name"), id, "merchant_name"),
                object(key.decrypt(rs.getBytes("merchant_details"), id, "merchant_details")),
                key.decrypt(rs.getBytes("payment_response_hash_key"), id, "payment_response_hash_key"),
                rs.getString("publishable_key"),
                rs.getString("return_url"),
                object(key.decrypt(rs.getBytes("webhook_details"), id, "webhook_details")),
                rs.getBoolean("enable_payment_response_hash"),
                rs.getBoolean("redirect_to_merchant_with_http_post"),
                object(rs.getString("metadata")),
                json.readValue(rs.getString("primary_business_details"), new TypeReference<List<BusinessDetails>>() {
                }),
                rs.getString("merchant_account_type"),
                (Boolean) rs.getObject("sub_merchants_enabled"),
                rs.getString("parent_merchant_id"),
                rs.getString("locker_id"),
                rs.getString("product_type"),
                rs.getString("default_profile"),
                rs.getTimestamp("created_at").toInstant());
    }

    private String text(ObjectNode node) {
        return node == null ? null : json.writeValueAsString(node);
    }

    private ObjectNode object(String text) {
        return text == null ? null : (ObjectNode) json.readTree(text);
    }
}
