package co.vaultera.connector.simulator;

import co.vaultera.connector.spi.CaptureMethod;
import co.vaultera.connector.spi.CardDetails;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated processor's HTTP API, under {@value #PATH}: JSON in and out, the API key in
 * {@value #API_KEY_HEADER} (any non-empty key; each key sees only its own objects), plus the HTML 3DS page.
 * Routes and headers are listed in the module README. The server mounts it with {@link #MAPPING}.
 *
 * <p>A plain servlet, not a Spring MVC controller: in the server's payments benchmark every payment makes one call
 * here, and Spring MVC's dispatch around this handful of routes (handler lookup, argument resolution, message
 * converters) cost about as much CPU as the simulated processor's own work. A processor elsewhere would not spend
 * the switch's CPU at all.
 *
 * <p>Needs a {@link SimulatorProcessor}. Holds no card data: the PAN and CVC of an authorize request go no further
 * than the processor's decision.
 */
public class SimulatorApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SimulatorApiServlet.class.getName());

    /** Where the server mounts this API. */
    public static final String PATH = "/simulator";
    /** The servlet mapping that mounts it at {@link #PATH}. */
    public static final String MAPPING = PATH + "/*";

    /** Carries the connector account's {@code api_key}. */
    public static final String API_KEY_HEADER = "X-Simulator-Api-Key";
    /** The caller's idempotency key for authorize, capture, void and refund. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** Latency in milliseconds added to every answer. */
    public static final String LATENCY_HEADER = "X-Simulator-Latency-Ms";
    /** A {@link Fault} wire name for state-changing calls. */
    public static final String FAULT_HEADER = "X-Simulator-Fault";
    /** How long {@link Fault#TIMEOUT_AFTER_CHARGE} holds the answer, in milliseconds. */
    public static final String FAULT_DELAY_HEADER = "X-Simulator-Fault-Delay-Ms";
    /** Milliseconds of manual review each new refund is held for ({@code review}) before it succeeds. */
    public static final String REFUND_REVIEW_HEADER = "X-Simulator-Refund-Review-Ms";
    /** Milliseconds a new payment's 3DS challenge waits for the shopper before it expires. */
    public static final String CHALLENGE_EXPIRY_HEADER = "X-Simulator-Challenge-Expiry-Ms";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";
    private static final String HTML_TYPE = "text/html;charset=UTF-8";

    private final transient SimulatorProcessor processor;
    private final transient Supplier<String> shopperBaseUrl;

    /** @param processor the engine this API exposes; links for shoppers name the host the caller asked */
    public SimulatorApiServlet(SimulatorProcessor processor) {
        this(processor, null);
    }

    /**
     * @param processor      the engine this API exposes
     * @param shopperBaseUrl where shoppers' browsers reach this server (its 3DS page): the caller of the API may
     *                       reach it at an address browsers cannot (a switch calling its in-process simulator on
     *                       127.0.0.1 behind a proxy)
     */
    public SimulatorApiServlet(SimulatorProcessor processor, Supplier<String> shopperBaseUrl) {
        this.processor = processor;
        this.shopperBaseUrl = shopperBaseUrl;
    }

    /** One route's answer: a status, and a JSON value or an HTML page. */
    private record Answer(int status, Object json, String html, String location) {
        static Answer json(int status, Object json) {
            return new Answer(status, json, null, null);
        }

        static Answer html(int status, String page) {
            return new Answer(status, null, page, null);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answer answer;
        try {
            answer = route(request);
        } catch (MethodNotAllowed e) {
            response.setHeader("Allow", e.allowed);
            answer = Answer.json(e.httpStatus(), SimulatorJson.error(e.code(), e.getMessage()));
        } catch (SimulatorException e) {
            answer = Answer.json(e.httpStatus(), SimulatorJson.error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            // What a processor's outage looks like to the connector: a 500 with an error body.
            LOG.log(Level.WARNING, "simulator failed on " + request.getMethod() + " " + request.getRequestURI(), e);
            answer = Answer.json(500, SimulatorJson.error("internal_error", "The simulator failed"));
        }
        write(answer, response);
    }

    /** Dispatches on the method and the path after {@value #PATH} ({@code payments}, {@code payments/{id}/void}…). */
    private Answer route(HttpServletRequest request) {
        List<String> path = segments(request.getPathInfo());
        String method = request.getMethod();
        String first = path.isEmpty() ? "" : path.getFirst();
        String id = path.size() > 1 ? path.get(1) : null;
        String action = path.size() == 3 ? path.get(2) : null;
        if (path.size() > 3) {
            throw noRoute();
        }
        return switch (first) {
            case "payments" -> {
                if (id == null) {
                    yield method(method, "GET", "POST").equals("POST") ? authorize(request) : findPayment(request);
                }
                if (action == null) {
                    method(method, "GET");
                    yield Answer.json(200, SimulatorJson.payment(
                            processor.payment(account(request), id, simulation(request)), shopperBase(request)));
                }
                method(method, "POST");
                yield switch (action) {
                    case "capture" -> capture(request, id);
                    case "void" -> voidPayment(request, id);
                    case "refunds" -> refund(request, id);
                    default -> throw noRoute();
                };
            }
            case "refunds" -> {
                if (action != null) {
                    throw noRoute();
                }
                method(method, "GET");
                yield Answer.json(200, SimulatorJson.refund(id == null
                        ? processor.refundByReference(account(request), requiredParam(request, "reference"),
                                simulation(request))
                        : processor.refund(account(request), id, simulation(request))));
            }
            case "3ds" -> {
                if (id == null || action != null) {
                    throw noRoute();
                }
                yield method(method, "GET", "POST").equals("GET") ? challengePage(request, id)
                        : challengeAnswer(request, id);
            }
            default -> throw noRoute();
        };
    }

    private Answer authorize(HttpServletRequest request) {
        Map<String, Object> body = body(request);
        Map<String, Object> card = SimulatorJson.requiredObject(body, "card");
        AuthorizeCommand command = new AuthorizeCommand(SimulatorJson.requiredString(body, "reference"),
                SimulatorJson.requiredLong(body, "amount"),
                SimulatorJson.requiredString(body, "currency").toUpperCase(Locale.ROOT),
                captureMethod(SimulatorJson.optionalString(body, "capture_method")), card(card),
                SimulatorJson.optionalString(body, "return_url"), request.getHeader(IDEMPOTENCY_KEY_HEADER));
        PaymentView view = processor.authorize(account(request), command, simulation(request));
        // Like card processors, a decline is answered 402 with the payment it created.
        int status = view.status() == SimulatorPaymentStatus.FAILED ? 402 : 200;
        return Answer.json(status, SimulatorJson.payment(view, shopperBase(request)));
    }

    private Answer findPayment(HttpServletRequest request) {
        return Answer.json(200, SimulatorJson.payment(processor.paymentByReference(account(request),
                requiredParam(request, "reference"), simulation(request)), shopperBase(request)));
    }

    private Answer capture(HttpServletRequest request, String paymentId) {
        PaymentView view = processor.capture(account(request), paymentId,
                SimulatorJson.requiredLong(body(request), "amount"), request.getHeader(IDEMPOTENCY_KEY_HEADER),
                simulation(request));
        return Answer.json(200, SimulatorJson.payment(view, shopperBase(request)));
    }

    private Answer voidPayment(HttpServletRequest request, String paymentId) {
        PaymentView view = processor.voidPayment(account(request), paymentId,
                request.getHeader(IDEMPOTENCY_KEY_HEADER), simulation(request));
        return Answer.json(200, SimulatorJson.payment(view, shopperBase(request)));
    }

    private Answer refund(HttpServletRequest request, String paymentId) {
        Map<String, Object> body = body(request);
        return Answer.json(200, SimulatorJson.refund(processor.refund(account(request), paymentId,
                SimulatorJson.requiredLong(body, "amount"), SimulatorJson.optionalString(body, "reference"),
                request.getHeader(IDEMPOTENCY_KEY_HEADER), simulation(request))));
    }

    private Answer challengePage(HttpServletRequest request, String paymentId) {
        return processor.challenge(paymentId)
                .filter(payment -> payment.returnUrl() != null)
                .map(payment -> payment.status() == SimulatorPaymentStatus.REQUIRES_ACTION
                        ? Answer.html(200, ChallengePage.challenge(payment,
                                baseUrl(request) + PATH + "/3ds/" + payment.id()))
                        : Answer.html(200, ChallengePage.finished(payment)))
                .orElseGet(() -> Answer.html(404, ChallengePage.notFound()));
    }

    /** The shopper's choice; answers 303 to the authorize call's return_url with the payment id and outcome. */
    private Answer challengeAnswer(HttpServletRequest request, String paymentId) {
        PaymentView payment = processor.challenge(paymentId).filter(p -> p.returnUrl() != null).orElse(null);
        if (payment == null) {
            return Answer.html(404, ChallengePage.notFound());
        }
        String outcome = request.getParameter("outcome");
        if (!"complete".equals(outcome) && !"reject".equals(outcome)) {
            return Answer.html(400, ChallengePage.badOutcome());
        }
        PaymentView after = processor.completeChallenge(paymentId, "complete".equals(outcome));
        // A second submission reports the first decision, which is the one that stands; a late one, the expiry.
        String decided = after.status() != SimulatorPaymentStatus.FAILED ? "complete"
                : SimulatorPayment.CHALLENGE_EXPIRED.equals(after.errorCode()) ? "expired" : "reject";
        return new Answer(303, null, null, withQuery(after.returnUrl(),
                "processor_payment_id=" + URLEncoder.encode(after.id(), StandardCharsets.UTF_8)
                        + "&outcome=" + decided));
    }

    /** {@code url} with {@code query} appended to its query string, before any fragment. */
    static String withQuery(String url, String query) {
        int hash = url.indexOf('#');
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = beforeFragment.contains("?")
                ? (beforeFragment.endsWith("?") || beforeFragment.endsWith("&") ? "" : "&") : "?";
        return beforeFragment + separator + query + fragment;
    }

    private static void write(Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
            response.setContentLength(0);
            return;
        }
        byte[] body;
        if (answer.html() != null) {
            response.setContentType(HTML_TYPE);
            body = answer.html().getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType(JSON_TYPE);
            body = JSON.writeValueAsBytes(answer.json());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static List<String> segments(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/")) {
            return List.of();
        }
        List<String> segments = List.of(pathInfo.substring(1).split("/", -1));
        if (segments.stream().anyMatch(String::isEmpty)) {
            throw noRoute();
        }
        return segments;
    }

    /** Answers {@code method} if it is one of {@code allowed}, else refuses with 405 and an Allow header. */
    private static String method(String method, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return method;
            }
        }
        throw new MethodNotAllowed(method, allowed);
    }

    /** A 405, which carries the methods the route takes for its {@code Allow} header. */
    private static final class MethodNotAllowed extends SimulatorException {

        private static final long serialVersionUID = 1L;

        private final String allowed;

        MethodNotAllowed(String method, String... allowed) {
            super(405, "method_not_allowed", method + " is not allowed here; use " + String.join(" or ", allowed));
            this.allowed = String.join(", ", allowed);
        }
    }

    private static SimulatorException noRoute() {
        return SimulatorException.notFound("route");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpServletRequest request) {
        try {
            Object body = JSON.readValue(request.getInputStream(), Object.class);
            if (body instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw SimulatorException.invalid("invalid_json", "The body must be a JSON object");
        } catch (JacksonException e) {
            throw SimulatorException.invalid("invalid_json", "The body is not valid JSON");
        } catch (IOException e) {
            throw SimulatorException.invalid("invalid_json", "The body could not be read");
        }
    }

    private static String requiredParam(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null) {
            throw SimulatorException.invalid("parameter_missing", name + " is required");
        }
        return value;
    }

    private static String account(HttpServletRequest request) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key == null || key.isBlank()) {
            throw new SimulatorException(401, "api_key_missing", "Header " + API_KEY_HEADER + " is required");
        }
        return accountOf(key);
    }

    /**
     * The account {@link SimulatorProcessor} keeps an API key's payments under. Keys are kept only as a hash: the
     * processor needs to tell accounts apart, not to know their secrets.
     */
    public static String accountOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Simulation simulation(HttpServletRequest request) {
        try {
            return new Simulation(millis(request, LATENCY_HEADER),
                    Fault.fromWireName(request.getHeader(FAULT_HEADER)),
                    millis(request, FAULT_DELAY_HEADER), millis(request, REFUND_REVIEW_HEADER),
                    millis(request, CHALLENGE_EXPIRY_HEADER));
        } catch (IllegalArgumentException e) {
            throw SimulatorException.invalid("simulation_invalid", e.getMessage());
        }
    }

    private static Duration millis(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(header + " must be an integer number of milliseconds");
        }
    }

    private static CaptureMethod captureMethod(String value) {
        if (value == null) {
            return CaptureMethod.AUTOMATIC;
        }
        for (CaptureMethod method : CaptureMethod.values()) {
            if (method.wireName().equals(value)) {
                return method;
            }
        }
        throw SimulatorException.invalid("parameter_invalid", "unknown capture_method");
    }

    private static CardDetails card(Map<String, Object> card) {
        String number = SimulatorJson.requiredString(card, "number");
        int month = SimulatorJson.requiredInt(card, "exp_month");
        int year = SimulatorJson.requiredInt(card, "exp_year");
        try {
            return new CardDetails(number, month, year, SimulatorJson.optionalString(card, "holder_name"),
                    SimulatorJson.optionalString(card, "cvc"));
        } catch (IllegalArgumentException e) {
            // CardDetails' messages never contain the digits, so they are safe to return.
            throw SimulatorException.invalid("invalid_card", e.getMessage());
        }
    }

    /**
     * The scheme, host and port the request came to (and the context path): the URL the shopper's browser can
     * reach the 3DS page at. Default ports are left out, as browsers write them.
     */
    private String shopperBase(HttpServletRequest request) {
        return shopperBaseUrl != null ? shopperBaseUrl.get() : baseUrl(request);
    }

    private static String baseUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
