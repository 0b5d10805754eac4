package co.vaultera.customer;

import co.vaultera.crypto.DataKey;
import co.vaultera.customer.Customer.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The multi-row statements behind {@link CustomerRepository#insert} and {@link CustomerRepository#find}: one
 * statement for many calls, each row keeping its own merchant (inputs travel as one array per column).
 */
@Component
class CustomerBatches {

    /** A customer with its address by id, for many ids at once; {@code ord} numbers the lookups from 1. */
    private static final String SELECT_ROWS = """
            select l.ord, c.customer_id, c.name, c.email, c.phone, c.phone_country_code, c.description,
                   c.metadata::text as metadata, c.default_payment_method_id, c.created_at, c.redacted_at,
                   a.address_id, a.city, a.country, a.line1, a.line2, a.line3, a.zip, a.state, a.first_name,
                   a.last_name
              from unnest(?::text[], ?::text[]) with ordinality as l(merchant_id, customer_id, ord)
              join customer c on c.merchant_id = l.merchant_id and c.customer_id = l.customer_id
              left join address a on a.merchant_id = c.merchant_id and a.address_id = c.address_id
            """;

    /**
     * Customers, and the addresses of those that have one, from one array per column; answers the ids inserted.
     * Data-modifying CTEs always run to the end, so the address insert runs though nothing reads its output.
     */
    private static final String INSERT_ROWS = """
            with input as (
                select * from unnest(?::text[], ?::text[], ?::bytea[], ?::bytea[], ?::bytea[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::bytea[],
                                     ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[],
                                     ?::bytea[])
                    as i(merchant_id, customer_id, name, email, phone, phone_country_code, description, metadata,
                         created_at, address_id, city, country, line1, line2, line3, zip, state, first_name,
                         last_name, address_phone, address_email)),
            inserted as (
                insert into customer (merchant_id, customer_id, name, email, phone, phone_country_code, description,
                                      address_id, metadata, created_at, modified_at)
                select merchant_id, customer_id, name, email, phone, phone_country_code, description, address_id,
                       metadata::json, created_at::timestamptz, created_at::timestamptz
                  from input
                on conflict (merchant_id, customer_id) do nothing
                returning merchant_id, customer_id),
            addresses as (
                insert into address (merchant_id, customer_id, address_id, city, country, line1, line2, line3, zip,
                                     state, first_name, last_name, phone, email, phone_country_code, created_at,
                                     modified_at)
                select i.merchant_id, i.customer_id, i.address_id, i.city, i.country, i.line1, i.line2, i.line3,
                       i.zip, i.state, i.first_name, i.last_name, i.address_phone, i.address_email,
                       i.phone_country_code, i.created_at::timestamptz, i.created_at::timestamptz
                  from input i join inserted n on n.merchant_id = i.merchant_id and n.customer_id = i.customer_id
                 where i.address_id is not null)
            select merchant_id, customer_id from inserted
            """;

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
        List<NewRow> distinct = new ArrayList<>(rows.size());
        Set<String> keys = new HashSet<>();
        for (NewRow r : rows) {
            if (keys.add(r.key())) {
                distinct.add(r);
            }
        }
        Set<String> inserted = new HashSet<>(jdbc.sql(INSERT_ROWS)
                .params(texts(distinct, NewRow::merchantId), texts(distinct, NewRow::customerId),
                        bytes(distinct, NewRow::name), bytes(distinct, NewRow::email), bytes(distinct, NewRow::phone),
                        texts(distinct, NewRow::phoneCountryCode), texts(distinct, NewRow::description),
                        texts(distinct, NewRow::metadata), texts(distinct, NewRow::createdAt),
                        texts(distinct, NewRow::addressId), texts(distinct, NewRow::city),
                        texts(distinct, NewRow::country), bytes(distinct, NewRow::line1),
                        bytes(distinct, NewRow::line2), bytes(distinct, NewRow::line3), bytes(distinct, NewRow::zip),
                        bytes(distinct, NewRow::state), bytes(distinct, NewRow::firstName),
                        bytes(distinct, NewRow::lastName), bytes(distinct, NewRow::addressPhone),
                        bytes(distinct, NewRow::addressEmail))
                .query((rs, i) -> rs.getString(1) + '\n' + rs.getString(2)).list());
        List<Boolean> answers = new ArrayList<>(rows.size());
        for (NewRow r : rows) {
            answers.add(inserted.remove(r.key()));
        }
        return answers;
    }

    /** Customers by id; an id not found is empty. Rows are decrypted with each lookup's own key. */
    List<Optional<Customer>> find(List<Lookup> lookups) {
        Map<String, Customer> found = new HashMap<>();
        jdbc.sql(SELECT_ROWS)
                .params(texts(lookups, l -> l.key().merchantId()), texts(lookups, Lookup::customerId))
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

    private static <T> SqlArrayValue texts(List<T> rows, Function<T, String> column) {
        return new SqlArrayValue("text", (Object[]) rows.stream().map(column).toArray(String[]::new));
    }

    private static <T> SqlArrayValue bytes(List<T> rows, Function<T, byte[]> column) {
        return new SqlArrayValue("bytea", (Object[]) rows.stream().map(column).toArray(byte[][]::new));
    }
}
