package co.vaultera.connector;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reference a sync request carries. Connectors look an attempt or refund up by it only when the processor's
 * own id for it is unknown (its answer was lost); then it must be the one it was sent with: {@link
 * ProcessorReferences#of} for everything written by this version, the bare id for what an earlier version sent
 * (kept in {@code processor_reference_legacy} by the migration that qualified references). Only that rare case
 * reads the table.
 */
@Repository
public class SyncReferences {

    private final JdbcClient jdbc;

    public SyncReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param processorId the processor's id for the attempt's payment, or {@code null} if never heard */
    public String attempt(String merchantId, String attemptId, String processorId) {
        return processorId != null ? ProcessorReferences.of(merchantId, attemptId)
                : sent(merchantId, "attempt", attemptId);
    }

    /** @param processorId the processor's id for the refund, or {@code null} if never heard */
    public String refund(String merchantId, String refundId, String processorId) {
        return processorId != null ? ProcessorReferences.of(merchantId, refundId)
                : sent(merchantId, "refund", refundId);
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
