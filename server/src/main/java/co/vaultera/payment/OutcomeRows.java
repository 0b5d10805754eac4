package co.vaultera.payment;

import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.crypto.DataKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The multi-row statements behind {@link PaymentOutcomes}: many payments' intents locked and read, their attempts
 * read, their outcomes written, each row keeping its own merchant. Run inside the caller's transaction.
 */
@Component
class OutcomeRows {

    /**
     * Locks in key order, whatever order the rows were asked in: two batches sharing payments then wait for each
     * other instead of deadlocking. {@code %s} becomes one {@code (?, ?)} per payment.
     */
    private static final String LOCK_INTENTS = "select merchant_id as row_merchant_id, "
            + PaymentRepository.INTENT_COLUMNS
            + " from payment_intent where (merchant_id, payment_id) in (%s)"
            + " order by merchant_id, payment_id for update";
    private static final String FIND_ATTEMPTS = "select merchant_id as row_merchant_id, "
            + PaymentRepository.ATTEMPT_COLUMNS + " from payment_attempt where (merchant_id, attempt_id) in (%s)";

    /**
     * An outcome changes no more of the intent than its status and captured amount, which follow the attempt's:
     * nothing else is rewritten (and no PII re-encrypted).
     */
    private static final String UPDATE_INTENT = """
            update payment_intent set status = ?, amount_captured = ?, modified_at = ?
             where merchant_id = ? and payment_id = ? and status = ?
            """;

    /** The statements by number of rows, made once each. */
    private final Map<Integer, String> locks = new ConcurrentHashMap<>();
    private final Map<Integer, String> finds = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final PaymentRepository payments;

    OutcomeRows(JdbcClient jdbc, JdbcTemplate batches, PaymentRepository payments) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.payments = payments;
    }

    /** A row of one merchant: its key (which decrypts the merchant's rows) and the row's id. */
    record Ref(DataKey key, String id) {

        String name() {
            return name(key.merchantId(), id);
        }

        static String name(String merchantId, String id) {
            return merchantId + '\n' + id;
        }
    }

    /** Locks and reads the intents, by {@link Ref#name()}; a payment not found is not in the map. */
    Map<String, PaymentIntent> lockIntents(List<Ref> paymentIds) {
        Map<String, Ref> refs = distinct(paymentIds);
        String sql = locks.computeIfAbsent(refs.size(), n -> LOCK_INTENTS.formatted(pairs(n)));
        Map<String, PaymentIntent> found = new HashMap<>();
        jdbc.sql(sql).params(params(refs)).query(rs -> {
            Ref ref = refs.get(Ref.name(rs.getString("row_merchant_id"), rs.getString("payment_id")));
            found.put(ref.name(), payments.intent(ref.key(), rs));
        });
        return found;
    }

    /** Reads the attempts, by {@link Ref#name()}; an attempt not found is not in the map. */
    Map<String, PaymentAttempt> findAttempts(List<Ref> attemptIds) {
        Map<String, Ref> refs = distinct(attemptIds);
        String sql = finds.computeIfAbsent(refs.size(), n -> FIND_ATTEMPTS.formatted(pairs(n)));
        Map<String, PaymentAttempt> found = new HashMap<>();
        jdbc.sql(sql).params(params(refs)).query(rs -> {
            PaymentAttempt a = PaymentRepository.attempt(rs, 0);
            found.put(Ref.name(rs.getString("row_merchant_id"), a.attemptId()), a);
        });
        return found;
    }

    /** An attempt's new state, written if it is still {@code expected}. */
    record AttemptWrite(String merchantId, PaymentAttempt attempt, AttemptStatus expected, Instant nextSyncAt) {
    }

    /** An intent's new status and captured amount, written if it is still {@code expected}. */
    record IntentWrite(String merchantId, PaymentIntent intent, IntentStatus expected) {
    }

    /** Writes the attempts, then the intents, each kind as one batch (one round trip), in the order given. */
    void write(List<AttemptWrite> attempts, List<IntentWrite> intents) {
        if (!attempts.isEmpty()) {
            batches.batchUpdate(PaymentRepository.UPDATE_ATTEMPT, attempts.stream()
                    .map(w -> PaymentRepository.attemptUpdate(w.merchantId(), w.attempt(), w.expected(),
                            w.nextSyncAt()))
                    .toList());
        }
        if (!intents.isEmpty()) {
            batches.batchUpdate(UPDATE_INTENT, intents.stream()
                    .map(w -> new Object[] {w.intent().status().wireName(), w.intent().amountCaptured(),
                            Timestamp.from(w.intent().modifiedAt()), w.merchantId(), w.intent().paymentId(),
                            w.expected().wireName()})
                    .toList());
        }
    }

    private static Map<String, Ref> distinct(List<Ref> refs) {
        Map<String, Ref> byName = new LinkedHashMap<>();
        refs.forEach(r -> byName.putIfAbsent(r.name(), r));
        return byName;
    }

    private static List<Object> params(Map<String, Ref> refs) {
        List<Object> params = new ArrayList<>(refs.size() * 2);
        refs.values().forEach(r -> Collections.addAll(params, r.key().merchantId(), r.id()));
        return params;
    }

    private static String pairs(int n) {
        return String.join(", ", Collections.nCopies(n, "(?, ?)"));
    }
}
