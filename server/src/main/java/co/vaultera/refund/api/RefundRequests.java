package co.vaultera.refund.api;

import co.vaultera.common.ApiException;
import co.vaultera.common.Currencies;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.JsonFields;
import co.vaultera.common.Limits;
import co.vaultera.common.Metadata;
import co.vaultera.common.Timestamps;
import co.vaultera.refund.RefundFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of the refund routes; strict: unknown keys are rejected. */
public final class RefundRequests {

    private RefundRequests() {
    }

    /** {@code POST /refunds}. */
    public record Create(String paymentId, String refundId, Long amount, String reason, String refundType,
                         ObjectNode metadata) {
    }

    /** {@code POST /refunds/{id}}: only the reason and metadata can change. */
    public record Update(String reason, ObjectNode metadata) {
    }

    private static final Set<String> REFUND_TYPES = Set.of("instant", "scheduled");
    private static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed", "review");

    public static Create create(JsonNode body) {
        JsonFields f = JsonFields.body(body).rejectUnknown(List.of("payment_id", "refund_id", "amount", "reason",
                "refund_type", "metadata", "merchant_id", "merchant_connector_details"));
        if (f.has("merchant_connector_details")) {
            throw ApiException.invalidBody("field `merchant_connector_details` is not supported");
        }
        String paymentId = f.string("payment_id");
        if (paymentId == null) {
            throw new ApiException(ErrorCode.IR_04, "Missing required param: payment_id");
        }
        String refundId = f.string("refund_id");
        Long amount = f.integer("amount");
        if (amount != null && amount <= 0) {
            throw ApiException.invalidBody("invalid value for field `amount`: expected a positive integer");
        }
        return new Create(Limits.identifier("payment_id", paymentId),
                refundId == null ? null : Limits.identifier("refund_id", refundId), amount,
                f.string("reason", 255), f.oneOf("refund_type", REFUND_TYPES), Metadata.read(f, "metadata"));
    }

    public static Update update(JsonNode body) {
        JsonFields f = JsonFields.body(body).rejectUnknown(List.of("reason", "metadata"));
        return new Update(f.string("reason", 255), Metadata.read(f, "metadata"));
    }

    /** {@code POST /refunds/list}: {@code limit} 1–100 (default 10), {@code offset} ≥ 0. */
    public static RefundFilter list(JsonNode body) {
        JsonFields f = JsonFields.body(body == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : body).rejectUnknown(List.of("payment_id", "refund_id", "profile_id", "limit", "offset",
                "time_range", "refund_status", "currency", "connector", "amount_filter",
                "merchant_connector_id"));
        for (String filter : List.of("amount_filter", "merchant_connector_id", "profile_id")) {
            if (f.has(filter)) {
                throw ApiException.unsupported(filter, "filter by `payment_id`, `refund_id`, `time_range`, "
                        + "`refund_status`, `currency` or `connector`");
            }
        }
        Long limit = f.integer("limit");
        Long offset = f.integer("offset");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw ApiException.invalidBody("field `limit` must be between 1 and 100");
        }
        if (offset != null && offset < 0) {
            throw ApiException.invalidBody("field `offset` must not be negative");
        }
        JsonFields range = f.object("time_range");
        Instant from = null;
        Instant to = null;
        if (range != null) {
            range.rejectUnknown(List.of("start_time", "end_time"));
            from = time(range, "start_time");
            to = time(range, "end_time");
        }
        List<String> statuses = strings(f, "refund_status");
        if (statuses != null) {
            statuses.forEach(s -> {
                if (!STATUSES.contains(s)) {
                    throw ApiException.invalidBody("unknown variant `" + s + "` in `refund_status`");
                }
            });
        }
        List<String> currencies = strings(f, "currency");
        if (currencies != null) {
            currencies.forEach(c -> {
                if (!Currencies.isKnown(c)) {
                    throw ApiException.invalidBody("unknown currency in `currency`");
                }
            });
        }
        if (offset != null && offset > Integer.MAX_VALUE) {
            throw ApiException.invalidBody("field `offset` must be at most " + Integer.MAX_VALUE);
        }
        return new RefundFilter(f.string("payment_id"), f.string("refund_id"), from, to, statuses, currencies,
                strings(f, "connector"), limit == null ? 10 : limit.intValue(),
                offset == null ? 0 : offset.intValue());
    }

    private static Instant time(JsonFields f, String field) {
        String raw = f.string(field);
        if (raw == null) {
            return null;
        }
        return Timestamps.parse(raw).orElseThrow(() -> ApiException.invalidBody(
                "field `" + f.pathOf(field) + "` must be " + Timestamps.ACCEPTED));
    }

    private static List<String> strings(JsonFields f, String field) {
        JsonNode value = f.node().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.invalidBody("invalid type for field `" + field + "`, expected a sequence");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw ApiException.invalidBody("invalid type in field `" + field + "`, expected strings");
            }
            out.add(item.stringValue());
        }
        return out;
    }
}
