package co.vaultera.connector.simulator;

import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.connector.spi.AuthorizeRequest;
import co.vaultera.connector.spi.CaptureRequest;
import co.vaultera.connector.spi.CompleteAuthorizeRequest;
import co.vaultera.connector.spi.ConnectorAccount;
import co.vaultera.connector.spi.ConnectorError;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connector.spi.ConnectorHttpClient;
import co.vaultera.connector.spi.ConnectorHttpRequest;
import co.vaultera.connector.spi.ConnectorHttpResponse;
import co.vaultera.connector.spi.HttpMethod;
import co.vaultera.connector.spi.PaymentConnector;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.connector.spi.RedirectForm;
import co.vaultera.connector.spi.RefundRequest;
import co.vaultera.connector.spi.RefundResult;
import co.vaultera.connector.spi.RefundStatus;
import co.vaultera.connector.spi.RefundSyncRequest;
import co.vaultera.connector.spi.SyncRequest;
import co.vaultera.connector.spi.VoidRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connector for the simulated processor, over its HTTP API and only through the core's
 * {@link ConnectorHttpClient}. One class serves every simulator name; the name only labels results.
 *
 * <p>Idempotency keys are derived from the core's references ({@code authorize_{attempt reference}},
 * {@code capture_{capture reference}}, {@code void_{attempt reference}}, {@code refund_{refund reference}}), so a
 * retried call never charges twice. The attempt and refund references are also sent as the simulator's
 * {@code reference}, which lets a sync find a payment whose authorize answer was lost.
 * Nothing is logged.
 */
public final class SimulatorConnector implements PaymentConnector {

    /** The connector names this class serves (payments.md §12, plus {@code simulator}). */
    public static final List<String> NAMES = List.of("simulator", "phonypay", "fauxpay", "pretendpay", "stripe_test",
            "adyen_test", "checkout_test", "paypal_test");

    /** Per-call timeout unless the core chooses another. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final String name;
    private final String baseUrl;
    private final ConnectorHttpClient http;
    private final Duration timeout;

    /**
     * @param name    one of {@link #NAMES}
     * @param baseUrl where the simulator API is mounted, without the {@code /simulator} prefix,
     *                e.g. {@code http://127.0.0.1:8080}
     * @param http    the core's HTTP client
     * @param timeout how long each call may take before its outcome counts as unknown
     */
    public SimulatorConnector(String name, URI baseUrl, ConnectorHttpClient http, Duration timeout) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("not a simulator connector name: " + name);
        }
        String base = baseUrl.toString();
        this.name = name;
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = http;
        this.timeout = timeout;
    }

    /** A connector with {@link #DEFAULT_TIMEOUT}. */
    public SimulatorConnector(String name, URI baseUrl, ConnectorHttpClient http) {
        this(name, baseUrl, http, DEFAULT_TIMEOUT);
    }

    /** Whether {@code connectorName} is served by this class. */
    public static boolean supports(String connectorName) {
        return NAMES.contains(connectorName);
    }

    @Override
    public String name() {
        return name;
    }

    /** Refuses simulator settings in the metadata that every call would refuse. */
    @Override
    public void checkAccount(ConnectorAccount account) {
        simulationHeaders(account);
    }

    @Override
    public PaymentResult authorize(AuthorizeRequest request) {
        String captureMethod = switch (request.captureMethod()) {
            // The core makes no capture call of its own after an authorization, so sequential_automatic is
            // charged in the authorize call like automatic: the same outcome for the merchant.
            case AUTOMATIC, SEQUENTIAL_AUTOMATIC -> "automatic";
            case MANUAL -> "manual";
            case MANUAL_MULTIPLE -> "manual_multiple";
            case SCHEDULED -> throw new ConnectorException(ConnectorError.UNSUPPORTED, "capture_method_not_supported",
                    "The simulator does not support capture_method scheduled");
        };
        ObjectNode body = JSON.createObjectNode();
        body.put("reference", request.attemptReference());
        body.put("amount", request.amount());
        body.put("currency", request.currency());
        body.put("capture_method", captureMethod);
        ObjectNode card = body.putObject("card");
        card.put("number", request.card().number());
        card.put("exp_month", request.card().expiryMonth());
        card.put("exp_year", request.card().expiryYear());
        if (request.card().holderName() != null) {
            card.put("holder_name", request.card().holderName());
        }
        if (request.card().cvc() != null) {
            card.put("cvc", request.card().cvc());
        }
        if (request.returnUrl() != null) {
            body.put("return_url", request.returnUrl());
        }
        return payment(send(HttpMethod.POST, "/simulator/payments", body, request.account(),
                "authorize_" + request.attemptReference()));
    }

    @Override
    public PaymentResult completeAuthorize(CompleteAuthorizeRequest request) {
        String returned = request.returnParameters().get("processor_payment_id");
        if (returned != null && !returned.equals(request.connectorTransactionId())) {
            throw new ConnectorException(ConnectorError.INVALID_REQUEST, "payment_mismatch",
                    "The shopper returned from another payment's challenge");
        }
        // The challenge page already moved the payment; completing is reading its outcome.
        return payment(send(HttpMethod.GET, "/simulator/payments/" + segment(request.connectorTransactionId()),
                null, request.account(), null));
    }

    @Override
    public PaymentResult capture(CaptureRequest request) {
        ObjectNode body = JSON.createObjectNode().put("amount", request.amountToCapture());
        return payment(send(HttpMethod.POST, "/simulator/payments/" + segment(request.connectorTransactionId())
                + "/capture", body, request.account(), "capture_" + request.captureReference()));
    }

    @Override
    public PaymentResult voidPayment(VoidRequest request) {
        return payment(send(HttpMethod.POST, "/simulator/payments/" + segment(request.connectorTransactionId())
                + "/void", JSON.createObjectNode(), request.account(), "void_" + request.attemptReference()));
    }

    @Override
    public PaymentResult syncPayment(SyncRequest request) {
        String path = request.connectorTransactionId() == null
                ? "/simulator/payments?reference="
                        + URLEncoder.encode(request.attemptReference(), StandardCharsets.UTF_8)
                : "/simulator/payments/" + segment(request.connectorTransactionId());
        return payment(send(HttpMethod.GET, path, null, request.account(), null));
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", request.refundAmount());
        body.put("reference", request.refundReference());
        if (request.reason() != null) {
            body.put("reason", request.reason());
        }
        return refund(send(HttpMethod.POST, "/simulator/payments/" + segment(request.connectorTransactionId())
                + "/refunds", body, request.account(), "refund_" + request.refundReference()));
    }

    @Override
    public RefundResult syncRefund(RefundSyncRequest request) {
        String path = request.connectorRefundId() == null
                ? "/simulator/refunds?reference=" + URLEncoder.encode(request.refundReference(), StandardCharsets.UTF_8)
                : "/simulator/refunds/" + segment(request.connectorRefundId());
        return refund(send(HttpMethod.GET, path, null, request.account(), null));
    }

    /** The one place simulator payment statuses become attempt statuses. */
    static AttemptStatus attemptStatus(SimulatorPaymentStatus status, long amount, long captured) {
        return switch (status) {
            case REQUIRES_ACTION -> AttemptStatus.AUTHENTICATION_PENDING;
            case REQUIRES_CAPTURE -> AttemptStatus.AUTHORIZED;
            case PARTIALLY_CAPTURED -> AttemptStatus.PARTIAL_CHARGED_AND_CHARGEABLE;
            case SUCCEEDED -> captured < amount ? AttemptStatus.PARTIAL_CHARGED : AttemptStatus.CHARGED;
            case FAILED -> AttemptStatus.FAILURE;
            case CANCELLED -> AttemptStatus.VOIDED;
        };
    }

    /** The one place simulator refund statuses become refund statuses. */
    static RefundStatus refundStatus(SimulatorRefundStatus status) {
        return switch (status) {
            case PENDING -> RefundStatus.PENDING;
            case SUCCEEDED -> RefundStatus.SUCCEEDED;
            case FAILED -> RefundStatus.FAILED;
            case REVIEW -> RefundStatus.REVIEW;
        };
    }

    private ConnectorHttpResponse send(HttpMethod method, String path, ObjectNode body, ConnectorAccount account,
                                       String idempotencyKey) {
        if (account.apiKey() == null || account.apiKey().isBlank()) {
            throw new ConnectorException(ConnectorError.AUTHENTICATION, "api_key_missing",
                    "The connector account has no api_key");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SimulatorApiServlet.API_KEY_HEADER, account.apiKey());
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            headers.put(SimulatorApiServlet.IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        }
        headers.putAll(simulationHeaders(account));
        byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
        return http.send(new ConnectorHttpRequest(method, URI.create(baseUrl + path), headers, bytes, timeout));
    }

    private PaymentResult payment(ConnectorHttpResponse response) {
        // Only authorize answers 402 with a payment: a decline is a result, not an error.
        JsonNode json = accept(response, response.status() == 402 && response.body().length > 0);
        SimulatorPaymentStatus status = SimulatorPaymentStatus.fromWireName(text(json, "status"))
                .orElseThrow(() -> unreadable("unknown payment status"));
        long amount = amount(json, "amount");
        long captured = amount(json, "amount_captured");
        PaymentResult result = PaymentResult.of(attemptStatus(status, amount, captured), required(json, "id"))
                .withAmounts(captured, amount(json, "amount_capturable"))
                .withNetworkTransactionId(text(json, "network_transaction_id"));
        if (text(json, "error_code") != null) {
            result = result.withError(text(json, "error_code"), text(json, "error_message"));
        }
        String redirect = json.path("next_action").isObject() ? text(json.path("next_action"), "url") : null;
        return redirect == null ? result : result.withRedirect(RedirectForm.get(redirect));
    }

    private RefundResult refund(ConnectorHttpResponse response) {
        JsonNode json = accept(response, false);
        SimulatorRefundStatus status = SimulatorRefundStatus.fromWireName(text(json, "status"))
                .orElseThrow(() -> unreadable("unknown refund status"));
        return new RefundResult(refundStatus(status), required(json, "id"), text(json, "error_code"),
                text(json, "error_message"));
    }

    /** Turns an HTTP answer into JSON to read, or into the exception that says what the core may conclude. */
    private JsonNode accept(ConnectorHttpResponse response, boolean declineWithBody) {
        int status = response.status();
        if (response.isSuccess() || declineWithBody) {
            try {
                return JSON.readTree(response.body());
            } catch (JacksonException e) {
                // The processor answered but we cannot tell what it did.
                throw unreadable("unreadable answer from the simulator");
            }
        }
        String code = errorField(response, "code");
        String message = errorField(response, "message");
        String reason = message == null ? "Simulator answered HTTP " + status : message;
        ConnectorError error;
        if (status == 401 || status == 403) {
            error = ConnectorError.AUTHENTICATION;
        } else if (status == 404) {
            error = ConnectorError.NOT_FOUND;
        } else if (status == 402) {
            error = ConnectorError.DECLINED;
        } else if (status >= 400 && status < 500 && status != 408 && status != 429) {
            error = ConnectorError.INVALID_REQUEST;
        } else {
            // 5xx, 408, 429 and anything unexpected: the processor may or may not have acted.
            error = ConnectorError.UNKNOWN_OUTCOME;
        }
        throw new ConnectorException(error, code == null ? "http_" + status : code, reason);
    }

    private static String errorField(ConnectorHttpResponse response, String field) {
        try {
            return text(JSON.readTree(response.body()).path("error"), field);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isString() ? node.asString() : null;
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            throw unreadable("answer without " + field);
        }
        return value;
    }

    private static long amount(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw unreadable("answer without " + field);
        }
        return node.longValue();
    }

    private static ConnectorException unreadable(String message) {
        return new ConnectorException(ConnectorError.UNKNOWN_OUTCOME, "unreadable_response", message);
    }

    private static String segment(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new ConnectorException(ConnectorError.INVALID_REQUEST, "invalid_id",
                    "Not a simulator object id");
        }
        return id;
    }

    /**
     * Reads {@code {"simulator": {"latency_ms", "fault", "fault_delay_ms", "refund_review_ms",
     * "challenge_expiry_ms"}}} from the account's metadata.
     */
    private static Map<String, String> simulationHeaders(ConnectorAccount account) {
        Object settings = account.metadata().get("simulator");
        if (settings == null) {
            return Map.of();
        }
        if (!(settings instanceof Map<?, ?> map)) {
            throw invalidMetadata("metadata.simulator must be an object");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        long maxDelay = Simulation.MAX_DELAY.toMillis();
        putMillis(headers, SimulatorApiServlet.LATENCY_HEADER, map, "latency_ms", 0, maxDelay);
        putMillis(headers, SimulatorApiServlet.FAULT_DELAY_HEADER, map, "fault_delay_ms", 0, maxDelay);
        putMillis(headers, SimulatorApiServlet.REFUND_REVIEW_HEADER, map, "refund_review_ms", 0, maxDelay);
        putMillis(headers, SimulatorApiServlet.CHALLENGE_EXPIRY_HEADER, map, "challenge_expiry_ms", 1,
                Simulation.DEFAULT_CHALLENGE_EXPIRY.toMillis());
        Object fault = map.get("fault");
        if (fault != null) {
            try {
                headers.put(SimulatorApiServlet.FAULT_HEADER, Fault.fromWireName((String) fault).wireName());
            } catch (IllegalArgumentException | ClassCastException e) {
                throw invalidMetadata("metadata.simulator.fault must be processor_error or timeout_after_charge");
            }
        }
        return headers;
    }

    private static void putMillis(Map<String, String> headers, String header, Map<?, ?> settings, String field,
                                  long min, long max) {
        Object value = settings.get(field);
        if (value == null) {
            return;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            // Checked when the account is saved: the simulator refuses more, which would fail every payment later.
            throw invalidMetadata("metadata.simulator." + field + " must be an integer from " + min + " to " + max);
        }
        headers.put(header, value.toString());
    }

    private static ConnectorException invalidMetadata(String message) {
        return new ConnectorException(ConnectorError.INVALID_REQUEST, "invalid_connector_metadata", message);
    }
}
