package co.vaultera.payment;

import co.vaultera.db.BatchRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The multi-row statement behind {@link PaymentRepository#insertIntent}: new payments of any merchants, each with
 * the attempt a create-and-confirm starts it with, written by one statement (so one round trip and one commit for
 * all of them; the attempt only with its intent).
 */
@Component
class NewPayments {

    /**
     * The SQL types of one payment's values, in {@link Row#values} order: the intent's columns, then its first
     * attempt's (all null for a payment created without confirming). Every value is typed in every row: an untyped
     * parameter in a list of values has no type.
     */
    private static final List<String> TYPES = List.of(
            // merchant_id, payment_id, then PaymentRepository's shared intent columns (status .. order_details)
            "text", "text", "text", "bigint", "text", "bigint", "bigint", "text", "text", "text", "text", "text",
            "text", "text", "text", "int", "text", "text", "bytea", "bytea", "bytea", "text", "bytea", "bytea",
            "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "bytea",
            // order_details (JSON text)
            "text",
            // client_secret, card_vault, created_at, session_expiry
            "text", "bytea", "timestamptz", "timestamptz",
            // the attempt: attempt_id, status, connector, merchant_connector_id, amount, currency, capture_method,
            // authentication_type, amount_capturable, amount_captured, payment_method, payment_method_type,
            // next_sync_at, created_at
            "text", "text", "text", "text", "bigint", "text", "text", "text", "bigint", "bigint", "text", "text",
            "timestamptz", "timestamptz");

    private static final String VALUES = String.join(", ", TYPES.stream().map(t -> "?::" + t).toList());

    /**
     * Intents, and the attempts of those inserted; {@code %s} becomes one row per payment, its position in the batch
     * and its {@link #VALUES}. Answers the positions inserted. An intent whose id is taken is left alone, and so is
     * its attempt. Data-modifying CTEs always run to the end, so the attempt insert runs though nothing reads its
     * output. Positions, not ids: see {@link BatchRows#numberedRows}.
     */
    private static final String INSERT_ROWS = """
            with input (n, merchant_id, payment_id, status, amount, currency, amount_captured, amount_to_capture,
                        capture_method, authentication_type, customer_id, description, return_url, metadata,
                        setup_future_usage, active_attempt_id, attempt_count, profile_id, connector_preference, email,
                        name, phone, phone_country_code, billing, shipping, statement_descriptor_name,
                        statement_descriptor_suffix, merchant_order_reference_id, payment_method, payment_method_type,
                        card_isin, card_last4, card_network, card_exp_month, card_exp_year, card_holder_name,
                        order_details, client_secret, card_vault, created_at, session_expiry, attempt_id,
                        attempt_status, connector, merchant_connector_id, attempt_amount, attempt_currency,
                        attempt_capture_method, attempt_authentication_type, amount_capturable,
                        attempt_amount_captured, attempt_payment_method, attempt_payment_method_type, next_sync_at,
                        attempt_created_at) as (values %s),
            intents as (
                insert into payment_intent (merchant_id, payment_id, status, amount, currency, amount_captured,
                    amount_to_capture, capture_method, authentication_type, customer_id, description, return_url,
                    metadata, setup_future_usage, active_attempt_id, attempt_count, profile_id, connector_preference,
                    email, name, phone, phone_country_code, billing, shipping, statement_descriptor_name,
                    statement_descriptor_suffix, merchant_order_reference_id, payment_method, payment_method_type,
                    card_isin, card_last4, card_network, card_exp_month, card_exp_year, card_holder_name,
                    order_details, client_secret, card_vault, created_at, modified_at, session_expiry)
                select merchant_id, payment_id, status, amount, currency, amount_captured, amount_to_capture,
                       capture_method, authentication_type, customer_id, description, return_url, metadata::json,
                       setup_future_usage, active_attempt_id, attempt_count, profile_id, connector_preference::jsonb,
                       email, name, phone, phone_country_code, billing, shipping, statement_descriptor_name,
                       statement_descriptor_suffix, merchant_order_reference_id, payment_method, payment_method_type,
                       card_isin, card_last4, card_network, card_exp_month, card_exp_year, card_holder_name,
                       order_details::json, client_secret, card_vault, created_at, created_at, session_expiry
                  from input
                on conflict (merchant_id, payment_id) do nothing
                returning merchant_id, payment_id),
            attempts as (
                insert into payment_attempt (merchant_id, attempt_id, payment_id, status, connector,
                    merchant_connector_id, amount, currency, capture_method, authentication_type, amount_capturable,
                    amount_captured, payment_method, payment_method_type, next_sync_at, created_at, modified_at)
                select i.merchant_id, i.attempt_id, i.payment_id, i.attempt_status, i.connector,
                       i.merchant_connector_id, i.attempt_amount, i.attempt_currency, i.attempt_capture_method,
                       i.attempt_authentication_type, i.amount_capturable, i.attempt_amount_captured,
                       i.attempt_payment_method, i.attempt_payment_method_type, i.next_sync_at,
                       i.attempt_created_at, i.attempt_created_at
                  from input i join intents n on n.merchant_id = i.merchant_id and n.payment_id = i.payment_id
                 where i.attempt_id is not null)
            select i.n from input i join intents t on t.merchant_id = i.merchant_id and t.payment_id = i.payment_id
            """;

    /** The statements by number of rows, made once each. */
    private final Map<Integer, String> inserts = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;

    NewPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One new payment's values, encrypted, in {@link #TYPES} order. */
    record Row(String merchantId, String paymentId, List<Object> values) {

        Row {
            if (values.size() != TYPES.size()) {
                throw new IllegalArgumentException(values.size() + " values for " + TYPES.size() + " columns");
            }
        }

        String key() {
            return merchantId + '\n' + paymentId;
        }
    }

    /**
     * Inserts the payments; answers, per row, whether it inserted (false: the id was taken). Of two rows with the
     * same id, only the first is tried: the second lost the race to it either way.
     */
    List<Boolean> insert(List<Row> rows) {
        List<Row> distinct = BatchRows.firstOfEachKey(rows, Row::key);
        List<Object> params = new ArrayList<>(distinct.size() * TYPES.size());
        distinct.forEach(r -> params.addAll(r.values()));
        String sql = inserts.computeIfAbsent(distinct.size(),
                n -> INSERT_ROWS.formatted(BatchRows.numberedRows(VALUES, n)));
        List<String> inserted = jdbc.sql(sql).params(params).query((rs, i) -> distinct.get(rs.getInt(1)).key()).list();
        return BatchRows.inserted(rows, Row::key, inserted);
    }
}
