package co.vaultera.customer.api;

import co.vaultera.common.CountryCodes;
import co.vaultera.common.JsonFields;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The spec's {@code AddressDetails}: every field optional, and no other keys allowed
 * ({@code additionalProperties: false}), unlike the customer object around it. {@link #toString()} shows the
 * country alone: the rest locates a person.
 */
@JsonPropertyOrder({"city", "country", "line1", "line2", "line3", "zip", "state", "first_name", "last_name"})
public record AddressDetails(String city, String country, String line1, String line2, String line3, String zip,
                             String state, String firstName, String lastName) {

    private static final List<String> FIELDS =
            List.of("city", "country", "line1", "line2", "line3", "zip", "state", "first_name", "last_name");

    public static AddressDetails read(JsonFields f) {
        f.rejectUnknown(FIELDS);
        return new AddressDetails(
                f.string("city", 50),
                f.oneOf("country", CountryCodes.ALL),
                f.string("line1", 200),
                f.string("line2", 50),
                f.string("line3", 50),
                f.string("zip", 50),
                f.string("state"),
                f.string("first_name", 255),
                f.string("last_name", 255));
    }

    @Override
    public String toString() {
        return "AddressDetails[country=" + country + ", the rest hidden]";
    }
}
