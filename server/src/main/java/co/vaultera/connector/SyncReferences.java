package co.vaultera.connector;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reference a sync looks an attempt or refund up by when the processor's own id for it is unknown (its
 * answer was lost): the one it was sent with. That is {@link ProcessorReferences#of} for everything written by
 * this version, and the bare id for what an earlier version sent (kept in {@code processor_reference_legacy} by
 * the migration that qualified references). Only that rare lookup reads the table.
 */
@Repository
public class SyncReferences {

    private final JdbcClient jdbc;

    public SyncReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String attempt(String merchantId, String attemptId) {
        return sent(merchantId, "attempt", attemptId);
    }

    public String refund(String merchantId, String refundId) {
        return sent(merchantId, "refund", refundId);
    }

    private String sent(String merchantId, String kind, String id) {
        return jdbc.sql("""
                        select reference from processor_reference_legacy
                         where merchant_id = ? and kind = ? and id = ?
                        """)
                .params(merchantId, kind, id).query(String.class).optional()
                .orElseGet(() -> ProcessorReferences.of(merchantId, id));
    }
}
