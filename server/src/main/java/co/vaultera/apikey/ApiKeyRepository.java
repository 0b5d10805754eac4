package co.vaultera.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private static final String SELECT = """
            select merchant_id, key_id, name, description, prefix, created_at, expires_at from api_key
            """;

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a request needs to authenticate, found by the keyed hash of the presented key. */
    public record Credential(String merchantId, String keyId, Instant expiresAt, byte[] wrappedDataKey,
                             String defaultProfile) {
    }

    public Optional<Credential> findCredential(byte[] hashedKey) {
        return jdbc.sql("""
                        select k.merchant_id, k.key_id, k.expires_at, m.data_key, m.default_profile
                          from api_key k join merchant_account m on m.merchant_id = k.merchant_id
                         where k.hashed_api_key = ?
                        """)
                .param(hashedKey)
                .query((rs, i) -> new Credential(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getBytes(4),
                        rs.getString(5)))
                .optional();
    }

    public void insert(ApiKey key, byte[] hashedKey) {
        jdbc.sql("""
                        insert into api_key (merchant_id, key_id, hashed_api_key, prefix, name, description,
                                             created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(key.merchantId(), key.keyId(), hashedKey, key.prefix(), key.name(), key.description(),
                        Timestamp.from(key.createdAt()), timestamp(key.expiresAt()))
                .update();
    }

    public Optional<ApiKey> find(String merchantId, String keyId) {
        return jdbc.sql(SELECT + " where merchant_id = ? and key_id = ?").params(merchantId, keyId)
                .query(ApiKeyRepository::map).optional();
    }

    public List<ApiKey> list(String merchantId, int limit, int skip) {
        return jdbc.sql(SELECT + " where merchant_id = ? order by created_at, key_id limit ? offset ?")
                .params(merchantId, limit, skip).query(ApiKeyRepository::map).list();
    }

    public void update(ApiKey key) {
        jdbc.sql("update api_key set name = ?, description = ?, expires_at = ? where merchant_id = ? and key_id = ?")
                .params(key.name(), key.description(), timestamp(key.expiresAt()), key.merchantId(), key.keyId())
                .update();
    }

    public boolean delete(String merchantId, String keyId) {
        return jdbc.sql("delete from api_key where merchant_id = ? and key_id = ?").params(merchantId, keyId)
                .update() == 1;
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getString("merchant_id"), rs.getString("key_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("prefix"), rs.getTimestamp("created_at").toInstant(),
                instant(rs, 7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
