package co.vaultera.payment;

import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.crypto.DataKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /**
     * An attempt's write and its intent's as one statement (one update count, so it can be batched): the attempt's
     * in a data-modifying WITH, which runs whether or not the rest reads it.
     */
    private static final String UPDATE_ATTEMPT_AND_INTENT = "with attempt_written as ("
            + PaymentRepository.UPDATE_ATTEMPT.strip() + " returning 1)\n" + UPDATE_INTENT;

    /** The lock-and-find commands by numbers of payments and attempts, made once each. */
    private final Map<List<Integer>, String> lockAndFinds = new ConcurrentHashMap<>();

    private final JdbcTemplate batches;
    private final PaymentRepository payments;

    OutcomeRows(JdbcTemplate batches, PaymentRepository payments) {
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

    /** The intents (locked) and the attempts of a batch, by {@link Ref#name()}; a row not found is not in its map. */
    record Found(Map<String, PaymentIntent> intents, Map<String, PaymentAttempt> attempts) {
    }

    /**
     * Locks and reads the intents, then reads the attempts: two statements sent together, so one round trip (the
     * driver sends both before it waits, and PostgreSQL runs them in order, the locks first). Every round trip
     * inside the transaction is time the next batch of outcomes waits for.
     */
    Found lockAndFind(List<Ref> paymentIds, List<Ref> attemptIds) {
        Map<String, Ref> paymentRefs = distinct(paymentIds);
        Map<String, Ref> attemptRefs = distinct(attemptIds);
        String sql = lockAndFinds.computeIfAbsent(List.of(paymentRefs.size(), attemptRefs.size()),
                n -> LOCK_INTENTS.formatted(pairs(n.get(0))) + ";\n" + FIND_ATTEMPTS.formatted(pairs(n.get(1))));
        List<Object> params = params(paymentRefs);
        params.addAll(params(attemptRefs));
        return batches.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, (String) params.get(i));
                }
                ps.execute();
                Map<String, PaymentIntent> intents = new HashMap<>();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        Ref ref = paymentRefs.get(
                                Ref.name(rs.getString("row_merchant_id"), rs.getString("payment_id")));
                        intents.put(ref.name(), payments.intent(ref.key(), rs));
                    }
                }
                if (!ps.getMoreResults()) {
                    throw new IllegalStateException("no result set for the attempts' read");
                }
                Map<String, PaymentAttempt> found = new HashMap<>();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        PaymentAttempt a = PaymentRepository.attempt(rs, 0);
                        found.put(Ref.name(rs.getString("row_merchant_id"), a.attemptId()), a);
                    }
                }
                return new Found(intents, found);
            }
        });
    }

    /**
     * One outcome's write: the attempt's new state, if it is still {@code expected}, and, when the attempt is the
     * payment's active one, the intent's new status and captured amount, if it is still {@code intentExpected}.
     */
    record Write(String merchantId, PaymentAttempt attempt, AttemptStatus expected, Instant nextSyncAt,
                 PaymentIntent intent, IntentStatus intentExpected) {

        Object[] attemptParams() {
            return PaymentRepository.attemptUpdate(merchantId, attempt, expected, nextSyncAt);
        }

        Object[] attemptAndIntentParams() {
            Object[] a = attemptParams();
            Object[] i = {intent.status().wireName(), intent.amountCaptured(), Timestamp.from(intent.modifiedAt()),
                    merchantId, intent.paymentId(), intentExpected.wireName()};
            Object[] both = Arrays.copyOf(a, a.length + i.length);
            System.arraycopy(i, 0, both, a.length, i.length);
            return both;
        }
    }

    /**
     * Writes the outcomes in the order given: the attempt-and-intent pairs as one batch of single statements
     * (one round trip for all), after the writes of attempts that are not their payment's active one (rare: a
     * late answer to an earlier attempt), which change no intent.
     */
    void write(List<Write> writes) {
        List<Object[]> attemptsOnly = writes.stream().filter(w -> w.intent() == null).map(Write::attemptParams)
                .toList();
        List<Object[]> pairs = writes.stream().filter(w -> w.intent() != null).map(Write::attemptAndIntentParams)
                .toList();
        if (!attemptsOnly.isEmpty()) {
            batches.batchUpdate(PaymentRepository.UPDATE_ATTEMPT, attemptsOnly);
        }
        if (!pairs.isEmpty()) {
            batches.batchUpdate(UPDATE_ATTEMPT_AND_INTENT, pairs);
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
