package co.vaultera.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for Idempotency-Key records, scoped by merchant. */
@Repository
public class IdempotencyRepository {

    private final JdbcClient jdbc;

    public IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored key. {@code responseStatus} is set once the first request finished. */
    public record Entry(byte[] fingerprint, String state, Integer responseStatus, byte[] responseBody,
                        Instant lockedAt, Instant createdAt) {
    }

    /** Claims the key for a first request; answers false if it already exists. */
    public boolean claim(String merchantId, String key, byte[] fingerprint, Instant now) {
        return jdbc.sql("""
                        insert into idempotency_key (merchant_id, idempotency_key, fingerprint, state, locked_at,
                                                     created_at)
                        values (?, ?, ?, 'in_flight', ?, ?)
                        on conflict (merchant_id, idempotency_key) do nothing
                        """)
                .params(merchantId, key, fingerprint, Timestamp.from(now), Timestamp.from(now)).update() == 1;
    }

    public Optional<Entry> find(String merchantId, String key) {
        return jdbc.sql("""
                        select fingerprint, state, response_status, response_body, locked_at, created_at
                          from idempotency_key where merchant_id = ? and idempotency_key = ?
                        """)
                .params(merchantId, key)
                .query((rs, i) -> new Entry(rs.getBytes(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getBytes(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** Takes over an abandoned in-flight key; only one of several concurrent callers wins. */
    public boolean takeOver(String merchantId, String key, Instant previousLock, Instant now) {
        return jdbc.sql("""
                        update idempotency_key set locked_at = ?
                         where merchant_id = ? and idempotency_key = ? and state = 'in_flight' and locked_at = ?
                        """)
                .params(Timestamp.from(now), merchantId, key, Timestamp.from(previousLock)).update() == 1;
    }

    public void complete(String merchantId, String key, int status, byte[] body) {
        jdbc.sql("""
                        update idempotency_key set state = 'done', response_status = ?, response_body = ?
                         where merchant_id = ? and idempotency_key = ?
                        """)
                .params(status, body, merchantId, key).update();
    }

    /** Forgets a key whose first request stored nothing (it failed before doing anything). */
    public void release(String merchantId, String key) {
        jdbc.sql("delete from idempotency_key where merchant_id = ? and idempotency_key = ? and state = 'in_flight'")
                .params(merchantId, key).update();
    }

    public boolean deleteIfCreated(String merchantId, String key, Instant createdAt) {
        return jdbc.sql("delete from idempotency_key where merchant_id = ? and idempotency_key = ? and created_at = ?")
                .params(merchantId, key, Timestamp.from(createdAt)).update() == 1;
    }

    public int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_key where created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
