package co.vaultera.connector.simulator;

import co.vaultera.connector.spi.CaptureMethod;
import co.vaultera.connector.spi.CardDetails;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The simulated processor's HTTP API, under {@code /simulator}: JSON in and out, the API key in
 * {@value #API_KEY_HEADER} (any non-empty key; each key sees only its own objects), plus the HTML 3DS page.
 * Routes and headers are listed in the module README.
 *
 * <p>Needs a {@link SimulatorProcessor} bean. Holds no card data: the PAN and CVC of an authorize request go no
 * further than the processor's decision.
 */
@RestController
@RequestMapping(SimulatorApiController.PATH)
public class SimulatorApiController {

    /** Where the server mounts this API. */
    public static final String PATH = "/simulator";

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

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final SimulatorProcessor processor;

    /** @param processor the engine this API exposes */
    public SimulatorApiController(SimulatorProcessor processor) {
        this.processor = processor;
    }

    @PostMapping(path = "/payments", produces = JSON)
    ResponseEntity<Map<String, Object>> authorize(@RequestHeader HttpHeaders headers,
                                                  @RequestBody Map<String, Object> body, UriComponentsBuilder uri) {
        Map<String, Object> card = SimulatorJson.requiredObject(body, "card");
        AuthorizeCommand command = new AuthorizeCommand(SimulatorJson.requiredString(body, "reference"),
                SimulatorJson.requiredLong(body, "amount"),
                SimulatorJson.requiredString(body, "currency").toUpperCase(Locale.ROOT),
                captureMethod(SimulatorJson.optionalString(body, "capture_method")), card(card),
                SimulatorJson.optionalString(body, "return_url"), headers.getFirst(IDEMPOTENCY_KEY_HEADER));
        PaymentView view = processor.authorize(account(headers), command, simulation(headers));
        // Like card processors, a decline is answered 402 with the payment it created.
        HttpStatus status = view.status() == SimulatorPaymentStatus.FAILED ? HttpStatus.PAYMENT_REQUIRED : HttpStatus.OK;
        return ResponseEntity.status(status).body(SimulatorJson.payment(view, baseUrl(uri)));
    }

    @GetMapping(path = "/payments", produces = JSON)
    Map<String, Object> findPayment(@RequestHeader HttpHeaders headers, @RequestParam("reference") String reference,
                                    UriComponentsBuilder uri) {
        return SimulatorJson.payment(processor.paymentByReference(account(headers), reference, simulation(headers)),
                baseUrl(uri));
    }

    @GetMapping(path = "/payments/{paymentId}", produces = JSON)
    Map<String, Object> payment(@RequestHeader HttpHeaders headers, @PathVariable("paymentId") String paymentId,
                                UriComponentsBuilder uri) {
        return SimulatorJson.payment(processor.payment(account(headers), paymentId, simulation(headers)),
                baseUrl(uri));
    }

    @PostMapping(path = "/payments/{paymentId}/capture", produces = JSON)
    Map<String, Object> capture(@RequestHeader HttpHeaders headers, @PathVariable("paymentId") String paymentId,
                                @RequestBody Map<String, Object> body, UriComponentsBuilder uri) {
        PaymentView view = processor.capture(account(headers), paymentId, SimulatorJson.requiredLong(body, "amount"),
                headers.getFirst(IDEMPOTENCY_KEY_HEADER), simulation(headers));
        return SimulatorJson.payment(view, baseUrl(uri));
    }

    @PostMapping(path = "/payments/{paymentId}/void", produces = JSON)
    Map<String, Object> voidPayment(@RequestHeader HttpHeaders headers, @PathVariable("paymentId") String paymentId,
                                    UriComponentsBuilder uri) {
        PaymentView view = processor.voidPayment(account(headers), paymentId,
                headers.getFirst(IDEMPOTENCY_KEY_HEADER), simulation(headers));
        return SimulatorJson.payment(view, baseUrl(uri));
    }

    @PostMapping(path = "/payments/{paymentId}/refunds", produces = JSON)
    Map<String, Object> refund(@RequestHeader HttpHeaders headers, @PathVariable("paymentId") String paymentId,
                               @RequestBody Map<String, Object> body) {
        return SimulatorJson.refund(processor.refund(account(headers), paymentId,
                SimulatorJson.requiredLong(body, "amount"), SimulatorJson.optionalString(body, "reference"),
                headers.getFirst(IDEMPOTENCY_KEY_HEADER), simulation(headers)));
    }

    @GetMapping(path = "/refunds", produces = JSON)
    Map<String, Object> findRefund(@RequestHeader HttpHeaders headers, @RequestParam("reference") String reference) {
        return SimulatorJson.refund(processor.refundByReference(account(headers), reference, simulation(headers)));
    }

    @GetMapping(path = "/refunds/{refundId}", produces = JSON)
    Map<String, Object> refund(@RequestHeader HttpHeaders headers, @PathVariable("refundId") String refundId) {
        return SimulatorJson.refund(processor.refund(account(headers), refundId, simulation(headers)));
    }

    @GetMapping(path = "/3ds/{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> challengePage(@PathVariable("paymentId") String paymentId, UriComponentsBuilder uri) {
        return processor.challenge(paymentId)
                .filter(payment -> payment.returnUrl() != null)
                .map(payment -> payment.status() == SimulatorPaymentStatus.REQUIRES_ACTION
                        ? html(HttpStatus.OK, ChallengePage.challenge(payment,
                                baseUrl(uri) + "/simulator/3ds/" + payment.id()))
                        : html(HttpStatus.OK, ChallengePage.finished(payment)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, ChallengePage.notFound()));
    }

    /** The shopper's choice; answers 303 to the authorize call's return_url with the payment id and outcome. */
    @PostMapping(path = "/3ds/{paymentId}")
    ResponseEntity<String> challengeAnswer(@PathVariable("paymentId") String paymentId,
                                           @RequestParam(name = "outcome", required = false) String outcome) {
        PaymentView payment = processor.challenge(paymentId).filter(p -> p.returnUrl() != null).orElse(null);
        if (payment == null) {
            return html(HttpStatus.NOT_FOUND, ChallengePage.notFound());
        }
        if (!"complete".equals(outcome) && !"reject".equals(outcome)) {
            return html(HttpStatus.BAD_REQUEST, ChallengePage.badOutcome());
        }
        PaymentView after = processor.completeChallenge(paymentId, "complete".equals(outcome));
        // A second submission reports the first decision, which is the one that stands.
        String decided = after.status() == SimulatorPaymentStatus.FAILED ? "reject" : "complete";
        URI location = UriComponentsBuilder.fromUriString(after.returnUrl())
                .queryParam("processor_payment_id", after.id())
                .queryParam("outcome", decided)
                .build(true).toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
    }

    @ExceptionHandler(SimulatorException.class)
    ResponseEntity<Map<String, Object>> refused(SimulatorException e) {
        return ResponseEntity.status(e.httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(SimulatorJson.error(e.code(), e.getMessage()));
    }

    /** Keys are kept only as a hash: the processor needs to tell accounts apart, not to know their secrets. */
    private static String account(HttpHeaders headers) {
        String key = headers.getFirst(API_KEY_HEADER);
        if (key == null || key.isBlank()) {
            throw new SimulatorException(401, "api_key_missing", "Header " + API_KEY_HEADER + " is required");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Simulation simulation(HttpHeaders headers) {
        try {
            return new Simulation(millis(headers.getFirst(LATENCY_HEADER)),
                    Fault.fromWireName(headers.getFirst(FAULT_HEADER)), millis(headers.getFirst(FAULT_DELAY_HEADER)));
        } catch (IllegalArgumentException e) {
            throw SimulatorException.invalid("simulation_invalid", e.getMessage());
        }
    }

    private static Duration millis(String value) {
        return value == null || value.isBlank() ? null : Duration.ofMillis(Long.parseLong(value.trim()));
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

    private static String baseUrl(UriComponentsBuilder uri) {
        // Spring passes the request's scheme, host and servlet mapping: the URL the shopper's browser can reach.
        String base = uri.cloneBuilder().replaceQuery(null).build().toUriString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(body);
    }
}
