package co.vaultera.connector.simulator;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator API's JSON, as plain maps: the server's Jackson settings (naming strategy, strict records) then
 * cannot change the processor's wire format.
 */
final class SimulatorJson {

    private SimulatorJson() {
    }

    static Map<String, Object> payment(PaymentView view, String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("object", "payment");
        json.put("reference", view.reference());
        json.put("status", view.status().wireName());
        json.put("amount", view.amount());
        json.put("currency", view.currency());
        json.put("capture_method", view.captureMethod().wireName());
        json.put("amount_capturable", view.amountCapturable());
        json.put("amount_captured", view.amountCaptured());
        json.put("amount_refunded", view.amountRefunded());
        json.put("card", Map.of("bin", view.cardBin(), "last4", view.cardLast4()));
        json.put("error_code", view.errorCode());
        json.put("error_message", view.errorMessage());
        json.put("network_transaction_id", view.networkTransactionId());
        json.put("next_action", view.challengePath() == null ? null
                : Map.of("type", "redirect_to_url", "url", baseUrl + view.challengePath(), "method", "GET"));
        json.put("created", view.created().toString());
        return json;
    }

    static Map<String, Object> refund(RefundView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("object", "refund");
        json.put("payment_id", view.paymentId());
        json.put("reference", view.reference());
        json.put("amount", view.amount());
        json.put("currency", view.currency());
        json.put("status", view.status().wireName());
        json.put("error_code", view.errorCode());
        json.put("error_message", view.errorMessage());
        json.put("created", view.created().toString());
        return json;
    }

    static Map<String, Object> error(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }

    static long requiredLong(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value == null) {
            throw SimulatorException.invalid("parameter_missing", field + " is required");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw SimulatorException.invalid("parameter_invalid", field + " must be an integer");
    }

    static int requiredInt(Map<String, Object> json, String field) {
        long value = requiredLong(json, field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw SimulatorException.invalid("parameter_invalid", field + " is out of range");
        }
        return (int) value;
    }

    static String requiredString(Map<String, Object> json, String field) {
        String value = optionalString(json, field);
        if (value == null || value.isBlank()) {
            throw SimulatorException.invalid("parameter_missing", field + " is required");
        }
        return value;
    }

    static String optionalString(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw SimulatorException.invalid("parameter_invalid", field + " must be a string");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> requiredObject(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw SimulatorException.invalid(value == null ? "parameter_missing" : "parameter_invalid",
                field + " must be an object");
    }
}
