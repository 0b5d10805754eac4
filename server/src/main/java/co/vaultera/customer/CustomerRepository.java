package co.vaultera.customer;

import co.vaultera.crypto.DataKey;
import co.vaultera.customer.Customer.Address;
import co.vaultera.db.Coalescer;
import co.vaultera.db.CoalescerSettings;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for customers and their addresses. PII columns are encrypted with the merchant's data key, bound to the record
 * id and column; {@code city}, {@code country}, {@code description} and {@code metadata} stay plain. Every statement
 * is scoped by merchant. Creates and plain reads go through {@link CustomerBatches}, so concurrent ones share a
 * statement; rows are read back by {@link CustomerColumns}.
 */
@Repository
public class CustomerRepository {

    private static final String SELECT = """
            select c.customer_id, c.name, c.email, c.phone, c.phone_country_code, c.description,
                   c.metadata::text as metadata, c.default_payment_method_id, c.created_at, c.redacted_at,
                   a.address_id, a.city, a.country, a.line1, a.line2, a.line3, a.zip, a.state, a.first_name,
                   a.last_name
              from customer c
              left join address a on a.merchant_id = c.merchant_id and a.address_id = c.address_id
             where c.merchant_id = ? and c.customer_id = ?
            """;

    private final JdbcClient jdbc;
    private final CustomerColumns columns;
    private final CustomerBatches batches;
    private final Coalescer<CustomerBatches.NewRow, Boolean> inserts;
    private final Coalescer<CustomerBatches.Lookup, Optional<Customer>> finds;

    public CustomerRepository(JdbcClient jdbc, CustomerColumns columns, CustomerBatches batches,
                              CoalescerSettings coalescing) {
        this.jdbc = jdbc;
        this.columns = columns;
        this.batches = batches;
        this.inserts = coalescing.coalescer(batches::insert);
        this.finds = coalescing.coalescer(batches::find);
    }

    /**
     * Inserts the customer and its address in one statement, unless the id is taken (then nothing is written).
     * Answers whether it inserted. A concurrent insert of the same id waits for ours and then inserts nothing.
     * Concurrent inserts share one statement and commit ({@link Coalescer}); each encrypts its values first.
     */
    public boolean insert(DataKey key, Customer c) {
        return inserts.call(batches.newRow(key, c));
    }

    /** The customer, if the merchant has one with this id. Concurrent reads share one statement. */
    public Optional<Customer> find(DataKey key, String customerId) {
        return finds.call(new CustomerBatches.Lookup(key, customerId));
    }

    /** Reads and row-locks the customer, so update and delete of one customer run one at a time. */
    public Optional<Customer> findForUpdate(DataKey key, String customerId) {
        return jdbc.sql(SELECT + " for update of c").params(key.merchantId(), customerId)
                .query((rs, i) -> columns.read(key, rs, true)).optional();
    }

    /** A page of customers, oldest first; list items carry no address (as in the reference). */
    public List<Customer> list(DataKey key, String customerIdFilter, int limit, int offset) {
        String sql = """
                select c.customer_id, c.name, c.email, c.phone, c.phone_country_code, c.description,
                       c.metadata::text as metadata, c.default_payment_method_id, c.created_at, c.redacted_at
                  from customer c
                 where c.merchant_id = ? and (?::text is null or c.customer_id = ?)
                 order by c.created_at, c.customer_id
                 limit ? offset ?
                """;
        return jdbc.sql(sql).params(key.merchantId(), customerIdFilter, customerIdFilter, limit, offset)
                .query((rs, i) -> columns.read(key, rs, false)).list();
    }

    public void update(DataKey key, Customer c) {
        String id = c.customerId();
        jdbc.sql("""
                        update customer
                           set name = ?, email = ?, phone = ?, phone_country_code = ?, description = ?,
                               address_id = ?, metadata = ?::json, modified_at = now()
                         where merchant_id = ? and customer_id = ?
                        """)
                .params(key.encrypt(c.name(), id, "name"), key.encrypt(c.email(), id, "email"),
                        key.encrypt(c.phone(), id, "phone"), c.phoneCountryCode(), c.description(),
                        c.address() == null ? null : c.address().addressId(), columns.metadataText(c.metadata()),
                        key.merchantId(), id)
                .update();
    }

    /** Writes the customer's address: the row is created if new, else overwritten. */
    public void upsertAddress(DataKey key, Customer c) {
        Address a = c.address();
        String aid = a.addressId();
        jdbc.sql("""
                        insert into address (merchant_id, address_id, customer_id, city, country, line1, line2,
                                             line3, zip, state, first_name, last_name, phone, email,
                                             phone_country_code, created_at, modified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
                        on conflict (merchant_id, address_id) do update
                           set city = excluded.city, country = excluded.country, line1 = excluded.line1,
                               line2 = excluded.line2, line3 = excluded.line3, zip = excluded.zip,
                               state = excluded.state, first_name = excluded.first_name,
                               last_name = excluded.last_name, phone = excluded.phone, email = excluded.email,
                               phone_country_code = excluded.phone_country_code, modified_at = now()
                        """)
                .params(key.merchantId(), aid, c.customerId(), a.city(), a.country(),
                        key.encrypt(a.line1(), aid, "line1"), key.encrypt(a.line2(), aid, "line2"),
                        key.encrypt(a.line3(), aid, "line3"), key.encrypt(a.zip(), aid, "zip"),
                        key.encrypt(a.state(), aid, "state"), key.encrypt(a.firstName(), aid, "first_name"),
                        key.encrypt(a.lastName(), aid, "last_name"), key.encrypt(c.phone(), aid, "phone"),
                        key.encrypt(c.email(), aid, "email"), c.phoneCountryCode())
                .update();
    }

    /**
     * Deletes a customer the reference's way: the row and id stay, its PII and every address of this customer
     * (its own and any written for payments) read "Redacted"; {@code country} and {@code metadata} are kept.
     */
    public void redact(DataKey key, String customerId) {
        String r = Customer.REDACTED;
        jdbc.sql("""
                        update customer
                           set name = ?, email = ?, phone = ?, description = ?, phone_country_code = ?,
                               redacted_at = now(), modified_at = now()
                         where merchant_id = ? and customer_id = ?
                        """)
                .params(key.encrypt(r, customerId, "name"), key.encrypt(r, customerId, "email"),
                        key.encrypt(r, customerId, "phone"), r, r, key.merchantId(), customerId)
                .update();
        List<String> addressIds = jdbc.sql("select address_id from address where merchant_id = ? and customer_id = ?")
                .params(key.merchantId(), customerId).query(String.class).list();
        for (String aid : addressIds) {
            jdbc.sql("""
                            update address
                               set city = ?, line1 = ?, line2 = ?, line3 = ?, zip = ?, state = ?, first_name = ?,
                                   last_name = ?, phone = ?, email = ?, phone_country_code = ?, modified_at = now()
                             where merchant_id = ? and address_id = ?
                            """)
                    .params(r, key.encrypt(r, aid, "line1"), key.encrypt(r, aid, "line2"),
                            key.encrypt(r, aid, "line3"), key.encrypt(r, aid, "zip"), key.encrypt(r, aid, "state"),
                            key.encrypt(r, aid, "first_name"), key.encrypt(r, aid, "last_name"),
                            key.encrypt(r, aid, "phone"), key.encrypt(r, aid, "email"), r, key.merchantId(), aid)
                    .update();
        }
    }
}
