package co.vaultera.customer;

import co.vaultera.crypto.DataKey;
import co.vaultera.customer.Customer.Address;
import co.vaultera.db.BatchRows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The multi-row statements behind {@link CustomerRepository#insert} and {@link CustomerRepository#find}: one
 * statement for many calls, each row keeping its own merchant.
 */
@Component
class CustomerBatches {

    /**
     * A customer with its address by id, for many ids at once: {@code %s} becomes one {@code (?, ?, n)} per lookup,
     * n numbering them from 1. A list of values, not arrays: the planner then knows the row count both when it
     * plans for the values at hand and when it makes the generic plan, so it settles on the generic plan and stops
     * planning each call (with {@code unnest(?::text[])} it estimated 10 rows for the generic plan, always preferred
     * its own plan for 1 to 3 rows, and planned every call: 0.3 ms of the database's CPU each).
     */
    private static final String SELECT_ROWS = """
            select l.ord, c.customer_id, c.name, c.email, c.phone, c.phone_country_code, c.description,
                   c.metadata::text as metadata, c.default_payment_method_id, c.created_at, c.redacted_at,
                   a.address_id, a.city, a.country, a.line1, a.line2, a.line3, a.zip, a.state, a.first_name,
                   a.last_name
              from (values %s) as l(merchant_id, customer_id, ord)
              join customer c on c.merchant_id = l.merchant_id and c.customer_id = l.customer_id
              left join address a on a.merchant_id = c.merchant_id and a.address_id = c.address_id
            """;

    /**
     * Customers, and the addresses of those that have one; {@code %s} becomes one row per customer, its position
     * in the batch and its {@link #INSERT_VALUES}. Answers the positions inserted ({@link BatchRows#numberedRows}
     * says why). Data-modifying CTEs always run to the end, so the address insert runs though nothing reads its
     * output.
     */
    private static final String INSERT_ROWS = """
            with input (n, merchant_id, customer_id, name, email, phone, phone_country_code, description, metadata,
                        created_at, address_id, city, country, line1, line2, line3, zip, state, first_name,
                        last_name, address_phone, address_email) as (values %s),
            inserted as (
                insert into customer (merchant_id, customer_id, name, email, phone, phone_country_code, description,
                                      address_id, metadata, created_at, modified_at)
                select merchant_id, customer_id, name, email, phone, phone_country_code, description, address_id,
                       metadata::json, created_at, created_at
                  from input
                on conflict (merchant_id, customer_id) do nothing
                returning merchant_id, customer_id),
            addresses as (
                insert into address (merchant_id, customer_id, address_id, city, country, line1, line2, line3, zip,
                                     state, first_name, last_name, phone, email, phone_country_code, created_at,
                                     modified_at)
                select i.merchant_id, i.customer_id, i.address_id, i.city, i.country, i.line1, i.line2, i.line3,
                       i.zip, i.state, i.first_name, i.last_name, i.address_phone, i.address_email,
                       i.phone_country_code, i.created_at, i.created_at
                  from input i join inserted n on n.merchant_id = i.merchant_id and n.customer_id = i.customer_id
                 where i.address_id is not null)
            select i.n from input i join inserted t on t.merchant_id = i.merchant_id and t.customer_id = i.customer_id
            """;

    /** One customer's values in {@link #INSERT_ROWS}, typed in every row (an untyped parameter has no type). */
    private static final String INSERT_VALUES = "?::text, ?::text, ?::bytea, ?::bytea, ?::bytea, ?::text, ?::text, "
            + "?::text, ?::timestamptz, ?::text, ?::text, ?::text, ?::bytea, ?::bytea, ?::bytea, ?::bytea, ?::bytea, "
            + "?::bytea, ?::bytea, ?::bytea, ?::bytea";

    /** The statements by number of rows, made once each. */
    private final Map<Integer, String> selects = new ConcurrentHashMap<>();
    private final Map<Integer, String> inserts = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final CustomerColumns columns;

    CustomerBatches(JdbcClient jdbc, CustomerColumns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    /** The row for {@code c}, its PII encrypted with the merchant's key. */
    NewRow newRow(DataKey key, Customer c) {
        String id = c.customerId();
        Address a = c.address();
        String aid = a == null ? null : a.addressId();
        return new NewRow(key.merchantId(), id, key.encrypt(c.name(), id, "name"),
                key.encrypt(c.email(), id, "email"), key.encrypt(c.phone(), id, "phone"), c.phoneCountryCode(),
                c.description(), columns.metadataText(c.metadata()), c.createdAt().toString(), aid,
                a == null ? null : a.city(), a == null ? null : a.country(),
                a == null ? null : key.encrypt(a.line1(), aid, "line1"),
                a == null ? null : key.encrypt(a.line2(), aid, "line2"),
                a == null ? null : key.encrypt(a.line3(), aid, "line3"),
                a == null ? null : key.encrypt(a.zip(), aid, "zip"),
                a == null ? null : key.encrypt(a.state(), aid, "state"),
                a == null ? null : key.encrypt(a.firstName(), aid, "first_name"),
                a == null ? null : key.encrypt(a.lastName(), aid, "last_name"),
                a == null ? null : key.encrypt(c.phone(), aid, "phone"),
                a == null ? null : key.encrypt(c.email(), aid, "email"));
    }

    /** One customer (and address, if {@code addressId} is set) to insert, encrypted; the columns of INSERT_ROWS. */
    record NewRow(String merchantId, String customerId, byte[] name, byte[] email, byte[] phone,
                  String phoneCountryCode, String description, String metadata, String createdAt, String addressId,
                  String city, String country, byte[] line1, byte[] line2, byte[] line3, byte[] zip, byte[] state,
                  byte[] firstName, byte[] lastName, byte[] addressPhone, byte[] addressEmail) {

        String key() {
            return merchantId + '\n' + customerId;
        }
    }

    /**
     * Inserts the rows; an address only with its customer: both rows or neither. Answers, per row, whether it
     * inserted. Of two rows with the same id, only the first is tried: the second lost the race to it either way.
     */
    List<Boolean> insert(List<NewRow> rows) {
        List<NewRow> distinct = BatchRows.firstOfEachKey(rows, NewRow::key);
        List<Object> params = new ArrayList<>(distinct.size() * 21);
        for (NewRow r : distinct) {
            Collections.addAll(params, r.merchantId(), r.customerId(), r.name(), r.email(), r.phone(),
                    r.phoneCountryCode(), r.description(), r.metadata(), r.createdAt(), r.addressId(), r.city(),
                    r.country(), r.line1(), r.line2(), r.line3(), r.zip(), r.state(), r.firstName(), r.lastName(),
                    r.addressPhone(), r.addressEmail());
        }
        String sql = inserts.computeIfAbsent(distinct.size(),
                n -> INSERT_ROWS.formatted(BatchRows.numberedRows(INSERT_VALUES, n)));
        List<String> inserted = jdbc.sql(sql).params(params).query((rs, i) -> distinct.get(rs.getInt(1)).key()).list();
        return BatchRows.inserted(rows, NewRow::key, inserted);
    }

    /** Customers by id; an id not found is empty. Rows are decrypted with each lookup's own key. */
    List<Optional<Customer>> find(List<Lookup> lookups) {
        Map<String, Customer> found = new HashMap<>();
        List<Object> params = new ArrayList<>(lookups.size() * 2);
        for (Lookup l : lookups) {
            Collections.addAll(params, l.key().merchantId(), l.customerId());
        }
        String sql = selects.computeIfAbsent(lookups.size(), n -> {
            StringJoiner values = new StringJoiner(", ");
            for (int i = 1; i <= n; i++) {
                values.add("(?::text, ?::text, " + i + ")");
            }
            return SELECT_ROWS.formatted(values);
        });
        jdbc.sql(sql).params(params)
                .query(rs -> {
                    Lookup l = lookups.get(rs.getInt("ord") - 1);
                    found.put(l.merchantKey(), columns.read(l.key(), rs, true));
                });
        List<Optional<Customer>> answers = new ArrayList<>(lookups.size());
        for (Lookup l : lookups) {
            answers.add(Optional.ofNullable(found.get(l.merchantKey())));
        }
        return answers;
    }

    /** One customer to read: the merchant's key and the id. */
    record Lookup(DataKey key, String customerId) {

        String merchantKey() {
            return key.merchantId() + '\n' + customerId;
        }
    }
}
