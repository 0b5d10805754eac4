package co.vaultera.customer;

import co.vaultera.crypto.DataKey;
import co.vaultera.customer.Customer.Address;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer row (with its address columns, if selected) read back into a decrypted {@link Customer}, and the
 * metadata's stored text. PII is bound to the record id and column, so a value moved elsewhere does not decrypt.
 */
@Component
class CustomerColumns {

    private final JsonMapper json;

    CustomerColumns(JsonMapper json) {
        this.json = json;
    }

    Customer read(DataKey key, ResultSet rs, boolean withAddress) throws SQLException {
        String id = rs.getString("customer_id");
        Address address = null;
        if (withAddress && rs.getString("address_id") != null) {
            String aid = rs.getString("address_id");
            address = new Address(aid, rs.getString("city"), rs.getString("country"),
                    key.decrypt(rs.getBytes("line1"), aid, "line1"), key.decrypt(rs.getBytes("line2"), aid, "line2"),
                    key.decrypt(rs.getBytes("line3"), aid, "line3"), key.decrypt(rs.getBytes("zip"), aid, "zip"),
                    key.decrypt(rs.getBytes("state"), aid, "state"),
                    key.decrypt(rs.getBytes("first_name"), aid, "first_name"),
                    key.decrypt(rs.getBytes("last_name"), aid, "last_name"));
        }
        String metadata = rs.getString("metadata");
        return new Customer(id,
                key.decrypt(rs.getBytes("name"), id, "name"),
                key.decrypt(rs.getBytes("email"), id, "email"),
                key.decrypt(rs.getBytes("phone"), id, "phone"),
                rs.getString("phone_country_code"),
                rs.getString("description"),
                address,
                metadata == null ? null : (ObjectNode) json.readTree(metadata),
                rs.getString("default_payment_method_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("redacted_at") != null);
    }

    String metadataText(ObjectNode node) {
        return node == null ? null : json.writeValueAsString(node);
    }
}
