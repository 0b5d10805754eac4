package co.vaultera.payment.api;

import co.vaultera.common.ApiException;
import co.vaultera.common.JsonFields;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference's {@code order_details}: the order's lines (Hyperswitch's {@code OrderDetailsWithAmount}), kept
 * with the payment and shown in its responses for the merchant's records and for processors that want line items
 * (buy-now-pay-later, level 2/3 card data). Each line needs {@code product_name}, {@code quantity} (0–65,535) and
 * {@code amount} (per unit, minor units); the rest is optional. Amounts are integers of minor units like every
 * amount of the API; {@code tax_rate} is a plain number. Unknown keys in a line are rejected, as in the request.
 * The lines are not summed against the payment's amount: discounts, tax and shipping make that the merchant's rule.
 */
public final class OrderDetails {

    /** Hyperswitch's {@code ProductType}. */
    private static final Set<String> PRODUCT_TYPES = Set.of("physical", "digital", "travel", "ride", "event",
            "accommodation");
    private static final int MAX_QUANTITY = 65_535;

    private static final List<String> TEXT_FIELDS = List.of("product_id", "category", "sub_category", "brand",
            "product_tax_code", "description", "sku", "upc", "commodity_code", "unit_of_measure");
    private static final List<String> OPTIONAL_AMOUNTS = List.of("total_amount", "total_tax_amount",
            "unit_discount_amount");
    private static final List<String> FIELDS = List.of("product_name", "quantity", "amount", "requires_shipping",
            "product_img_link", "product_type", "tax_rate", "product_id", "category", "sub_category", "brand",
            "product_tax_code", "description", "sku", "upc", "commodity_code", "unit_of_measure", "total_amount",
            "total_tax_amount", "unit_discount_amount");

    private OrderDetails() {
    }

    /** The validated lines of the body's {@code order_details}, keys in a fixed order; null when absent. */
    public static ArrayNode read(JsonFields body) {
        List<JsonFields> lines = body.objects("order_details");
        if (lines == null) {
            return null;
        }
        ArrayNode read = JsonNodeFactory.instance.arrayNode(lines.size());
        lines.forEach(line -> read.add(line(line)));
        return read;
    }

    private static ObjectNode line(JsonFields f) {
        f.rejectUnknown(FIELDS);
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("product_name", f.requiredString("product_name", 255));
        long quantity = required(f, "quantity");
        if (quantity < 0 || quantity > MAX_QUANTITY) {
            throw ApiException.invalidBody("invalid value for field `" + f.pathOf("quantity")
                    + "`: expected an integer from 0 to " + MAX_QUANTITY);
        }
        line.put("quantity", quantity);
        line.put("amount", amount(f, "amount", required(f, "amount")));
        putIfPresent(line, "requires_shipping", f.bool("requires_shipping"));
        putIfPresent(line, "product_img_link", f.string("product_img_link", 2048));
        putIfPresent(line, "product_type", f.oneOf("product_type", PRODUCT_TYPES));
        Double taxRate = f.number("tax_rate");
        if (taxRate != null) {
            if (taxRate < 0 || taxRate.isInfinite()) {
                throw ApiException.invalidBody("invalid value for field `" + f.pathOf("tax_rate")
                        + "`: expected a number of at least 0");
            }
            line.put("tax_rate", taxRate);
        }
        for (String field : TEXT_FIELDS) {
            putIfPresent(line, field, f.string(field, 255));
        }
        for (String field : OPTIONAL_AMOUNTS) {
            Long value = f.integer(field);
            if (value != null) {
                line.put(field, amount(f, field, value));
            }
        }
        return line;
    }

    private static long required(JsonFields f, String field) {
        Long value = f.integer(field);
        if (value == null) {
            throw ApiException.invalidBody("missing field `" + f.pathOf(field) + "`");
        }
        return value;
    }

    private static long amount(JsonFields f, String field, long value) {
        if (value < 0 || value > PaymentRequest.MAX_AMOUNT) {
            throw ApiException.invalidBody("invalid value for field `" + f.pathOf(field)
                    + "`: expected an integer of minor units from 0 to " + PaymentRequest.MAX_AMOUNT);
        }
        return value;
    }

    private static void putIfPresent(ObjectNode line, String field, String value) {
        if (value != null) {
            line.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode line, String field, Boolean value) {
        if (value != null) {
            line.put(field, value);
        }
    }
}
