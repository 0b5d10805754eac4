package co.vaultera.payment;

import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.crypto.DataKey;
import co.vaultera.db.Coalescer;
import co.vaultera.db.CoalescerSettings;
import co.vaultera.payment.PaymentIntent.StoredCard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQL for intents, attempts and captures. PII and the card vault are encrypted with the merchant's data key.
 * State changes carry the status they expect, so a stale writer changes nothing.
 */
@Repository
public class PaymentRepository {

    static final String INTENT_COLUMNS = """
            payment_id, status, amount, currency, amount_captured, amount_to_capture, capture_method,
            authentication_type, customer_id, description, return_url, metadata::text as metadata, setup_future_usage,
            client_secret, active_attempt_id, attempt_count, profile_id,
            connector_preference::text as connector_preference, email, name, phone, phone_country_code, billing,
            shipping, statement_descriptor_name, statement_descriptor_suffix, merchant_order_reference_id,
            payment_method, payment_method_type, card_isin, card_last4, card_network, card_exp_month, card_exp_year,
            card_holder_name, order_details::text as order_details, cancellation_reason, created_at, modified_at,
            session_expiry
            """;
    static final String ATTEMPT_COLUMNS = """
            attempt_id, payment_id, status, connector, merchant_connector_id, amount, currency, capture_method,
            authentication_type, amount_capturable, amount_captured, connector_transaction_id, redirect_url,
            error_code, error_message, network_transaction_id, payment_method, payment_method_type, sync_count,
            created_at, modified_at
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Coalescer<NewPayments.Row, Boolean> newPayments;

    public PaymentRepository(JdbcClient jdbc, JsonMapper json, NewPayments inserts, CoalescerSettings coalescing) {
        this.jdbc = jdbc;
        this.json = json;
        this.newPayments = coalescing.coalescer(inserts::insert, CoalescerSettings.PAYMENT_STATEMENTS);
    }

    /**
     * Writes a new payment: the intent, with the card to keep in its vault (or {@code null}) and, for a create
     * that confirms, the attempt it starts with (or {@code null}), due for sync at {@code nextSyncAt}. False if the
     * id is taken; then nothing is written. Concurrent creates share one statement and commit ({@link Coalescer}).
     */
    public boolean insertIntent(DataKey key, PaymentIntent p, CardDetails card, PaymentAttempt first,
                                Instant nextSyncAt) {
        return newPayments.call(newRow(key, p, card, first, nextSyncAt));
    }

    /** {@link #insertIntent}'s row, encrypted. */
    NewPayments.Row newRow(DataKey key, PaymentIntent p, CardDetails card, PaymentAttempt first, Instant nextSyncAt) {
        List<Object> values = new ArrayList<>(54);
        values.add(key.merchantId());
        values.add(p.paymentId());
        values.addAll(columns(key, p));
        Collections.addAll(values, p.clientSecret(), card == null ? null : sealed(key, p.paymentId(), card),
                Timestamp.from(p.createdAt()), Timestamp.from(p.sessionExpiry()));
        if (first == null) {
            values.addAll(Collections.nCopies(14, null));
        } else {
            Collections.addAll(values, first.attemptId(), first.status().wireName(), first.connector(),
                    first.merchantConnectorId(), first.amount(), first.currency(), first.captureMethod(),
                    first.authenticationType(), first.amountCapturable(), first.amountCaptured(),
                    first.paymentMethod(), first.paymentMethodType(), ts(nextSyncAt),
                    Timestamp.from(first.createdAt()));
        }
        return new NewPayments.Row(key.merchantId(), p.paymentId(), values);
    }

    /** Writes every mutable field of the intent, only if it still has the {@code expected} status. */
    public boolean updateIntent(DataKey key, PaymentIntent p, IntentStatus expected) {
        String id = p.paymentId();
        return jdbc.sql("""
                        update payment_intent
                           set status = ?, amount = ?, currency = ?, amount_captured = ?, amount_to_capture = ?,
                               capture_method = ?, authentication_type = ?, customer_id = ?, description = ?,
                               return_url = ?, metadata = ?::json, setup_future_usage = ?, active_attempt_id = ?,
                               attempt_count = ?, profile_id = ?, connector_preference = ?::jsonb, email = ?, name = ?,
                               phone = ?, phone_country_code = ?, billing = ?, shipping = ?,
                               statement_descriptor_name = ?, statement_descriptor_suffix = ?,
                               merchant_order_reference_id = ?, payment_method = ?, payment_method_type = ?,
                               card_isin = ?, card_last4 = ?, card_network = ?, card_exp_month = ?, card_exp_year = ?,
                               card_holder_name = ?, order_details = ?::json, cancellation_reason = ?,
                               modified_at = ?
                         where merchant_id = ? and payment_id = ? and status = ?
                        """)
                .params(columns(key, p))
                .params(p.cancellationReason(), Timestamp.from(p.modifiedAt()), key.merchantId(), id,
                        expected.wireName())
                .update() == 1;
    }

    /**
     * The columns the insert and the update of an intent both write, in the same order (status through
     * order_details). One place, so the two statements can never encrypt a field under different associated data.
     */
    private List<Object> columns(DataKey key, PaymentIntent p) {
        String id = p.paymentId();
        StoredCard card = p.card();
        return Arrays.asList(p.status().wireName(), p.amount(), p.currency(), p.amountCaptured(),
                p.amountToCapture(), p.captureMethod(), p.authenticationType(), p.customerId(), p.description(),
                p.returnUrl(), text(p.metadata()), p.setupFutureUsage(), p.activeAttemptId(), p.attemptCount(),
                p.profileId(), text(p.connectorPreference()), key.encrypt(p.email(), id, "email"),
                key.encrypt(p.name(), id, "name"), key.encrypt(p.phone(), id, "phone"), p.phoneCountryCode(),
                key.encrypt(text(p.billing()), id, "billing"), key.encrypt(text(p.shipping()), id, "shipping"),
                p.statementDescriptorName(), p.statementDescriptorSuffix(), p.merchantOrderReferenceId(),
                p.paymentMethod(), p.paymentMethodType(), card == null ? null : card.isin(),
                card == null ? null : card.last4(), card == null ? null : card.network(),
                card == null ? null : card.expMonth(), card == null ? null : card.expYear(),
                card == null ? null : key.encrypt(card.holderName(), id, "card_holder_name"),
                text(p.orderDetails()));
    }

    public Optional<PaymentIntent> findIntent(DataKey key, String paymentId) {
        return jdbc.sql("select " + INTENT_COLUMNS + " from payment_intent where merchant_id = ? and payment_id = ?")
                .params(key.merchantId(), paymentId).query((rs, i) -> intent(key, rs)).optional();
    }

    /** Reads the intent and locks its row: every state change of one payment runs one at a time. */
    public Optional<PaymentIntent> lockIntent(DataKey key, String paymentId) {
        return jdbc.sql("select " + INTENT_COLUMNS
                        + " from payment_intent where merchant_id = ? and payment_id = ? for update")
                .params(key.merchantId(), paymentId).query((rs, i) -> intent(key, rs)).optional();
    }

    /** A place in the list (newest first): the items after it ({@code after}) or those before it. */
    public record Cursor(Instant createdAt, String paymentId, boolean after) {
    }

    /**
     * The merchant's payments newest first, filtered, from {@code cursor} if given. The items before a cursor are
     * the nearest ones to it, so they are read oldest first and turned round.
     */
    public List<PaymentIntent> listIntents(DataKey key, String customerId, Instant createdFrom, Instant createdTo,
                                           Cursor cursor, int limit, int offset) {
        boolean before = cursor != null && !cursor.after();
        String order = before ? "created_at, payment_id" : "created_at desc, payment_id desc";
        Timestamp after = cursor != null && cursor.after() ? ts(cursor.createdAt()) : null;
        Timestamp until = before ? ts(cursor.createdAt()) : null;
        String cursorId = cursor == null ? null : cursor.paymentId();
        List<PaymentIntent> page = jdbc.sql("select " + INTENT_COLUMNS + """
                         from payment_intent
                        where merchant_id = ? and (?::text is null or customer_id = ?)
                          and (?::timestamptz is null or created_at >= ?) and (?::timestamptz is null or created_at < ?)
                          and (?::timestamptz is null or (created_at, payment_id) < (?, ?))
                          and (?::timestamptz is null or (created_at, payment_id) > (?, ?))
                        order by\s""" + order + " limit ? offset ?")
                .params(key.merchantId(), customerId, customerId, ts(createdFrom), ts(createdFrom), ts(createdTo),
                        ts(createdTo), after, after, cursorId, until, until, cursorId, limit, offset)
                .query((rs, i) -> intent(key, rs)).list();
        return before ? page.reversed() : page;
    }

    /**
     * Keeps the card for a later confirm or a manual retry: PAN, expiry and holder, encrypted. The CVC is dropped
     * here, whatever the caller passes: it is never stored (PCI DSS 3.3.1), so a confirm of a stored card sends
     * the CVC again ({@code card_cvc}) or goes without.
     */
    public void storeCard(DataKey key, String paymentId, CardDetails card) {
        jdbc.sql("update payment_intent set card_vault = ? where merchant_id = ? and payment_id = ?")
                .params(sealed(key, paymentId, card), key.merchantId(), paymentId)
                .update();
    }

    /** The card as the vault keeps it: encrypted, without its CVC. */
    private byte[] sealed(DataKey key, String paymentId, CardDetails card) {
        CardDetails withoutCvc = new CardDetails(card.number(), card.expiryMonth(), card.expiryYear(),
                card.holderName(), null);
        return key.encrypt(json.writeValueAsString(withoutCvc), paymentId, "card_vault");
    }

    public Optional<CardDetails> loadCard(DataKey key, String paymentId) {
        byte[] sealed = jdbc.sql("select card_vault from payment_intent where merchant_id = ? and payment_id = ?")
                .params(key.merchantId(), paymentId).query(byte[].class).optional().orElse(null);
        return sealed == null ? Optional.empty()
                : Optional.of(json.readValue(key.decrypt(sealed, paymentId, "card_vault"), CardDetails.class));
    }

    public void insertAttempt(String merchantId, PaymentAttempt a, Instant nextSyncAt) {
        Timestamp created = Timestamp.from(a.createdAt());
        jdbc.sql("""
                        insert into payment_attempt (merchant_id, attempt_id, payment_id, status, connector,
                            merchant_connector_id, amount, currency, capture_method, authentication_type,
                            amount_capturable, amount_captured, payment_method, payment_method_type, next_sync_at,
                            created_at, modified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(merchantId, a.attemptId(), a.paymentId(), a.status().wireName(), a.connector(),
                        a.merchantConnectorId(), a.amount(), a.currency(), a.captureMethod(), a.authenticationType(),
                        a.amountCapturable(), a.amountCaptured(), a.paymentMethod(), a.paymentMethodType(),
                        ts(nextSyncAt), created, created)
                .update();
    }

    /** Applies a processor outcome to the attempt, only if it is still in the {@code expected} status. */
    public boolean updateAttempt(String merchantId, PaymentAttempt a, AttemptStatus expected, Instant nextSyncAt) {
        return jdbc.sql(UPDATE_ATTEMPT).params(attemptUpdate(merchantId, a, expected, nextSyncAt)).update() == 1;
    }

    static final String UPDATE_ATTEMPT = """
            update payment_attempt
               set status = ?, amount_capturable = ?, amount_captured = ?, connector_transaction_id = ?,
                   redirect_url = ?, error_code = ?, error_message = ?, network_transaction_id = ?,
                   sync_count = ?, next_sync_at = ?, modified_at = ?
             where merchant_id = ? and attempt_id = ? and status = ?
            """;

    /** The parameters of {@link #UPDATE_ATTEMPT}. */
    static Object[] attemptUpdate(String merchantId, PaymentAttempt a, AttemptStatus expected, Instant nextSyncAt) {
        return new Object[] {a.status().wireName(), a.amountCapturable(), a.amountCaptured(),
                a.connectorTransactionId(), a.redirectUrl(), a.errorCode(), a.errorMessage(),
                a.networkTransactionId(), a.syncCount(), ts(nextSyncAt), Timestamp.from(a.modifiedAt()), merchantId,
                a.attemptId(), expected.wireName()};
    }

    public Optional<PaymentAttempt> findAttempt(String merchantId, String attemptId) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from payment_attempt where merchant_id = ? and attempt_id = ?")
                .params(merchantId, attemptId).query(PaymentRepository::attempt).optional();
    }

    public List<PaymentAttempt> attemptsOf(String merchantId, String paymentId) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS
                        + " from payment_attempt where merchant_id = ? and payment_id = ? order by created_at")
                .params(merchantId, paymentId).query(PaymentRepository::attempt).list();
    }

    public void insertCapture(String merchantId, PaymentCapture c) {
        Timestamp created = Timestamp.from(c.createdAt());
        jdbc.sql("""
                        insert into payment_capture (merchant_id, capture_id, payment_id, attempt_id, amount, status,
                                                     created_at, modified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(merchantId, c.captureId(), c.paymentId(), c.attemptId(), c.amount(), c.status(), created,
                        created)
                .update();
    }

    /** Settles the attempt's pending captures (normally one): after a capture call or a sync that saw it. */
    public void finishCaptures(String merchantId, String attemptId, String status, String errorCode,
                               String errorMessage) {
        jdbc.sql("""
                        update payment_capture set status = ?, error_code = ?, error_message = ?, modified_at = now()
                         where merchant_id = ? and attempt_id = ? and status = 'pending'
                        """)
                .params(status, errorCode, errorMessage, merchantId, attemptId).update();
    }

    public List<PaymentCapture> capturesOf(String merchantId, String paymentId) {
        return jdbc.sql("""
                        select capture_id, payment_id, attempt_id, amount, status, error_code, error_message, created_at
                          from payment_capture where merchant_id = ? and payment_id = ? order by created_at, capture_id
                        """)
                .params(merchantId, paymentId)
                .query((rs, i) -> new PaymentCapture(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** An attempt the sync job claimed: whose it is and which payment. */
    /** An attempt claimed for a sync, with its {@code modified_at} at the claim. */
    public record DueAttempt(String merchantId, String paymentId, String attemptId, Instant modifiedAt) {
    }

    /**
     * Claims up to {@code limit} attempts whose sync is due, pushing their next sync to {@code leaseUntil} so no
     * other node takes them meanwhile. Rows another node holds are skipped, not waited for.
     */
    public List<DueAttempt> claimDue(int limit, Instant leaseUntil) {
        return jdbc.sql("""
                        update payment_attempt a set next_sync_at = ?
                          from (select merchant_id, attempt_id from payment_attempt
                                 where next_sync_at <= now() order by next_sync_at limit ?
                                   for update skip locked) due
                         where a.merchant_id = due.merchant_id and a.attempt_id = due.attempt_id
                        returning a.merchant_id, a.payment_id, a.attempt_id, a.modified_at
                        """)
                .params(ts(leaseUntil), limit)
                .query((rs, i) -> new DueAttempt(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The wire names of the attempt statuses the sync job must keep asking about. */
    private static final String[] AWAITING_PROCESSOR = Arrays.stream(AttemptStatus.values())
            .filter(PaymentTransitions::awaitsProcessor).map(AttemptStatus::wireName).toArray(String[]::new);

    /**
     * Makes due now every attempt, of any merchant, that still awaits its processor but is parked (its scheduled
     * syncs all ended without an answer, {@link PaymentSettings#SYNC_PARKED}); answers how many. The index of
     * scheduled syncs finds them, however big the table. One statement: such attempts are stale, so holding their
     * row locks to the commit blocks no payment flow.
     */
    public int rescheduleUnscheduledSyncs() {
        return jdbc.sql("""
                        update payment_attempt set next_sync_at = now()
                         where next_sync_at = ? and status = any(?)
                        """)
                .params(Timestamp.from(PaymentSettings.SYNC_PARKED), AWAITING_PROCESSOR)
                .update();
    }

    PaymentIntent intent(DataKey key, ResultSet rs) throws SQLException {
        String id = rs.getString("payment_id");
        String metadata = rs.getString("metadata");
        String preference = rs.getString("connector_preference");
        String orderDetails = rs.getString("order_details");
        String billing = key.decrypt(rs.getBytes("billing"), id, "billing");
        String shipping = key.decrypt(rs.getBytes("shipping"), id, "shipping");
        StoredCard card = rs.getString("card_last4") == null ? null : new StoredCard(rs.getString("card_isin"),
                rs.getString("card_last4"), rs.getString("card_network"), rs.getString("card_exp_month"),
                rs.getString("card_exp_year"), key.decrypt(rs.getBytes("card_holder_name"), id, "card_holder_name"));
        return new PaymentIntent(id, IntentStatus.fromWireName(rs.getString("status")), rs.getLong("amount"),
                rs.getString("currency"), rs.getLong("amount_captured"), rs.getObject("amount_to_capture", Long.class),
                rs.getString("capture_method"),
                rs.getString("authentication_type"), rs.getString("customer_id"), rs.getString("description"),
                rs.getString("return_url"), metadata == null ? null : (ObjectNode) json.readTree(metadata),
                rs.getString("setup_future_usage"), rs.getString("client_secret"), rs.getString("active_attempt_id"),
                rs.getInt("attempt_count"), rs.getString("profile_id"),
                preference == null ? null : json.readValue(preference, new TypeReference<List<String>>() {
                }),
                key.decrypt(rs.getBytes("email"), id, "email"), key.decrypt(rs.getBytes("name"), id, "name"),
                key.decrypt(rs.getBytes("phone"), id, "phone"), rs.getString("phone_country_code"),
                billing == null ? null : (ObjectNode) json.readTree(billing),
                shipping == null ? null : (ObjectNode) json.readTree(shipping),
                rs.getString("statement_descriptor_name"), rs.getString("statement_descriptor_suffix"),
                rs.getString("merchant_order_reference_id"), rs.getString("payment_method"),
                rs.getString("payment_method_type"), card, rs.getString("cancellation_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("modified_at").toInstant(),
                rs.getTimestamp("session_expiry").toInstant(),
                orderDetails == null ? null : (ArrayNode) json.readTree(orderDetails));
    }

    static PaymentAttempt attempt(ResultSet rs, int row) throws SQLException {
        return new PaymentAttempt(rs.getString("attempt_id"), rs.getString("payment_id"),
                AttemptStatus.fromWireName(rs.getString("status")), rs.getString("connector"),
                rs.getString("merchant_connector_id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("capture_method"), rs.getString("authentication_type"), rs.getLong("amount_capturable"),
                rs.getLong("amount_captured"), rs.getString("connector_transaction_id"), rs.getString("redirect_url"),
                rs.getString("error_code"), rs.getString("error_message"), rs.getString("network_transaction_id"),
                rs.getString("payment_method"), rs.getString("payment_method_type"), rs.getInt("sync_count"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("modified_at").toInstant());
    }

    private String text(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
