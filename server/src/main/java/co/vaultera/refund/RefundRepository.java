package co.vaultera.refund;

import co.vaultera.payment.PaymentSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SQL for refunds; every statement is scoped by merchant, every status change guarded by the expected one. */
@Repository
public class RefundRepository {

    private static final String COLUMNS = """
            refund_id, payment_id, attempt_id, connector, merchant_connector_id, connector_transaction_id,
            connector_refund_id, amount, currency, status, refund_type, reason, metadata::text as metadata,
            error_code, error_message, sync_count, created_at, modified_at
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RefundRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts unless the id is taken; answers whether it did. */
    public boolean insert(String merchantId, Refund r, Instant nextSyncAt) {
        Timestamp created = Timestamp.from(r.createdAt());
        return jdbc.sql("""
                        insert into refund (merchant_id, refund_id, payment_id, attempt_id, connector,
                            merchant_connector_id, connector_transaction_id, amount, currency, status, refund_type,
                            reason, metadata, next_sync_at, created_at, modified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)
                        on conflict (merchant_id, refund_id) do nothing
                        """)
                .params(merchantId, r.refundId(), r.paymentId(), r.attemptId(), r.connector(),
                        r.merchantConnectorId(), r.connectorTransactionId(), r.amount(), r.currency(), r.status(),
                        r.refundType(), r.reason(), text(r.metadata()), Timestamp.from(nextSyncAt), created, created)
                .update() == 1;
    }

    /** Records the processor's answer if the refund is still {@code expected}. */
    public boolean settle(String merchantId, String refundId, String expected, String status,
                          String connectorRefundId, String errorCode, String errorMessage, int syncCount,
                          Instant nextSyncAt) {
        return jdbc.sql("""
                        update refund
                           set status = ?, connector_refund_id = coalesce(?, connector_refund_id), error_code = ?,
                               error_message = ?, sync_count = ?, next_sync_at = ?, modified_at = now()
                         where merchant_id = ? and refund_id = ? and status = ?
                        """)
                .params(status, connectorRefundId, errorCode, errorMessage, syncCount,
                        nextSyncAt == null ? null : Timestamp.from(nextSyncAt), merchantId, refundId, expected)
                .update() == 1;
    }

    public void updateDetails(String merchantId, String refundId, String reason, ObjectNode metadata) {
        jdbc.sql("""
                        update refund set reason = coalesce(?, reason), metadata = coalesce(?::json, metadata),
                                          modified_at = now()
                         where merchant_id = ? and refund_id = ?
                        """)
                .params(reason, text(metadata), merchantId, refundId).update();
    }

    public Optional<Refund> find(String merchantId, String refundId) {
        return jdbc.sql("select " + COLUMNS + " from refund where merchant_id = ? and refund_id = ?")
                .params(merchantId, refundId).query(this::map).optional();
    }

    public List<Refund> ofPayment(String merchantId, String paymentId) {
        return jdbc.sql("select " + COLUMNS
                        + " from refund where merchant_id = ? and payment_id = ? order by created_at, refund_id")
                .params(merchantId, paymentId).query(this::map).list();
    }

    /** One page of a filtered list, newest first, and the number of all matches. */
    public record Page(List<Refund> items, long total) {
    }

    public Page list(String merchantId, RefundFilter f) {
        String where = """
                 where merchant_id = ? and (?::text is null or payment_id = ?) and (?::text is null or refund_id = ?)
                   and (?::timestamptz is null or created_at >= ?) and (?::timestamptz is null or created_at <= ?)
                   and (?::text[] is null or status = any(?::text[])) and (?::text[] is null or currency = any(?::text[]))
                   and (?::text[] is null or connector = any(?::text[]))
                """;
        Object[] params = {merchantId, f.paymentId(), f.paymentId(), f.refundId(), f.refundId(), ts(f.from()),
                ts(f.from()), ts(f.to()), ts(f.to()), array(f.statuses()), array(f.statuses()),
                array(f.currencies()), array(f.currencies()), array(f.connectors()), array(f.connectors())};
        long total = jdbc.sql("select count(*) from refund" + where).params(params).query(Long.class).single();
        Object[] paged = java.util.Arrays.copyOf(params, params.length + 2);
        paged[params.length] = f.limit();
        paged[params.length + 1] = f.offset();
        List<Refund> items = jdbc.sql("select " + COLUMNS + " from refund" + where
                        + " order by created_at desc, refund_id desc limit ? offset ?")
                .params(paged).query(this::map).list();
        return new Page(items, total);
    }

    /** A refund the sync job claimed. */
    public record Due(String merchantId, String refundId) {
    }

    /** Claims refunds whose sync is due, leasing them until {@code leaseUntil}; rows others hold are skipped. */
    public List<Due> claimDue(int limit, Instant leaseUntil) {
        return jdbc.sql("""
                        update refund r set next_sync_at = ?
                          from (select merchant_id, refund_id from refund where next_sync_at <= now()
                                 order by next_sync_at limit ? for update skip locked) due
                         where r.merchant_id = due.merchant_id and r.refund_id = due.refund_id
                        returning r.merchant_id, r.refund_id
                        """)
                .params(Timestamp.from(leaseUntil), limit)
                .query((rs, i) -> new Due(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * Makes due now every undecided refund ({@code pending} or {@code review}), of any merchant, parked after its
     * scheduled syncs all ended without a decision; answers how many. As for payment attempts: such refunds are
     * stale, nobody waits on them.
     */
    public int rescheduleUnscheduledSyncs() {
        return jdbc.sql("update refund set next_sync_at = now() where next_sync_at = ? and status in (?, ?)")
                .params(Timestamp.from(PaymentSettings.SYNC_PARKED), Refund.PENDING, Refund.REVIEW)
                .update();
    }

    private Refund map(ResultSet rs, int row) throws SQLException {
        String metadata = rs.getString("metadata");
        return new Refund(rs.getString("refund_id"), rs.getString("payment_id"), rs.getString("attempt_id"),
                rs.getString("connector"), rs.getString("merchant_connector_id"),
                rs.getString("connector_transaction_id"), rs.getString("connector_refund_id"), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("status"), rs.getString("refund_type"), rs.getString("reason"),
                metadata == null ? null : (ObjectNode) json.readTree(metadata), rs.getString("error_code"),
                rs.getString("error_message"), rs.getInt("sync_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("modified_at").toInstant());
    }

    private String text(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }
}
