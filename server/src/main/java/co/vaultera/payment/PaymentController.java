package co.vaultera.payment;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.JsonFields;
import co.vaultera.common.Limits;
import co.vaultera.common.Paging;
import co.vaultera.common.Timestamps;
import co.vaultera.idempotency.Idempotency;
import co.vaultera.payment.api.PaymentListResponse;
import co.vaultera.payment.api.PaymentRequest;
import co.vaultera.payment.api.PaymentResponse;
import co.vaultera.web.auth.MerchantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The Payments API (merchant secret key). {@code /payments/list} is a literal route, so it wins over an id. */
@RestController
public class PaymentController {

    private final PaymentService service;
    private final Idempotency idempotency;

    public PaymentController(PaymentService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @PostMapping("/payments")
    ResponseEntity<?> create(@RequestBody JsonNode body, MerchantContext merchant, HttpServletRequest http) {
        PaymentRequest request = PaymentRequest.read(body, PaymentRequest.Kind.CREATE);
        return idempotency.run(merchant, http, seed -> service.create(merchant, request, seed),
                (seed, claimedAt) -> service.resumeCreate(merchant, request, seed, claimedAt));
    }

    /** The reference's list constraints (it rejects any other parameter), and {@code offset}. */
    private static final List<String> LIST_PARAMETERS = List.of("customer_id", "starting_after", "ending_before",
            "limit", "offset", "created", "created.lt", "created.gt", "created.lte", "created.gte");

    @GetMapping("/payments/list")
    PaymentListResponse list(MerchantContext merchant, @RequestParam Map<String, String> query) {
        for (String name : query.keySet()) {
            if (!LIST_PARAMETERS.contains(name)) {
                throw ApiException.invalidBody("unknown query parameter `" + JsonFields.echoable(name)
                        + "`, expected one of " + String.join(", ", LIST_PARAMETERS.stream()
                        .map(p -> "`" + p + "`").toList()));
            }
        }
        String startingAfter = query.get("starting_after");
        String endingBefore = query.get("ending_before");
        if (startingAfter != null && endingBefore != null) {
            throw ApiException.invalidBody("use either `starting_after` or `ending_before`, not both");
        }
        return service.list(merchant, query.get("customer_id"), from(query), to(query),
                startingAfter != null ? known(startingAfter) : null, endingBefore != null ? known(endingBefore) : null,
                Paging.limit(query.get("limit"), 10, 1, 100), Paging.offset("offset", query.get("offset")));
    }

    @GetMapping("/payments/{paymentId}")
    PaymentResponse retrieve(@PathVariable String paymentId, MerchantContext merchant,
                             @RequestParam(name = "force_sync", required = false) String forceSync,
                             @RequestParam(name = "expand_attempts", required = false) String expandAttempts) {
        return service.retrieve(merchant, known(paymentId), Paging.flag("force_sync", forceSync),
                Paging.flag("expand_attempts", expandAttempts));
    }

    @PostMapping("/payments/{paymentId}")
    ResponseEntity<?> update(@PathVariable String paymentId, @RequestBody JsonNode body, MerchantContext merchant,
                             HttpServletRequest http) {
        PaymentRequest request = PaymentRequest.read(body, PaymentRequest.Kind.UPDATE);
        String id = known(paymentId);
        return idempotency.run(merchant, http, seed -> service.update(merchant, id, request),
                (seed, claimedAt) -> service.retrieve(merchant, id, true));
    }

    @PostMapping("/payments/{paymentId}/confirm")
    ResponseEntity<?> confirm(@PathVariable String paymentId, @RequestBody(required = false) JsonNode body,
                              MerchantContext merchant, HttpServletRequest http) {
        PaymentRequest request = PaymentRequest.read(body == null ? emptyObject() : body, PaymentRequest.Kind.CONFIRM);
        String id = known(paymentId);
        return idempotency.run(merchant, http, seed -> service.confirm(merchant, id, request),
                (seed, claimedAt) -> service.retrieve(merchant, id, true));
    }

    @PostMapping("/payments/{paymentId}/capture")
    ResponseEntity<?> capture(@PathVariable String paymentId, @RequestBody(required = false) JsonNode body,
                              MerchantContext merchant, HttpServletRequest http) {
        Long amount = null;
        if (body != null) {
            JsonFields f = JsonFields.body(body).rejectUnknown(List.of("amount_to_capture", "merchant_id"));
            amount = f.integer("amount_to_capture");
            if (amount != null && amount <= 0) {
                throw ApiException.invalidBody("invalid value for field `amount_to_capture`: expected a positive "
                        + "integer");
            }
        }
        String id = known(paymentId);
        Long toCapture = amount;
        return idempotency.run(merchant, http, seed -> service.capture(merchant, id, toCapture),
                (seed, claimedAt) -> service.retrieve(merchant, id, true));
    }

    @PostMapping("/payments/{paymentId}/cancel")
    ResponseEntity<?> cancel(@PathVariable String paymentId, @RequestBody(required = false) JsonNode body,
                             MerchantContext merchant, HttpServletRequest http) {
        String reason = null;
        if (body != null) {
            reason = JsonFields.body(body).rejectUnknown(List.of("cancellation_reason", "merchant_id"))
                    .string("cancellation_reason", 255);
        }
        String id = known(paymentId);
        String why = reason;
        return idempotency.run(merchant, http, seed -> service.cancel(merchant, id, why),
                (seed, claimedAt) -> service.retrieve(merchant, id, true));
    }

    private static JsonNode emptyObject() {
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private static String known(String paymentId) {
        if (!Limits.isIdentifier(paymentId)) {
            throw PaymentLifecycle.notFound();
        }
        return paymentId;
    }

    /** {@code created.gte} / {@code created.gt} / {@code created}: the start of the range (inclusive). */
    private static Instant from(Map<String, String> q) {
        Instant gte = time(q, "created.gte");
        Instant gt = time(q, "created.gt");
        Instant exact = time(q, "created");
        if (exact != null) {
            return exact;
        }
        return gte != null ? gte : gt == null ? null : gt.plusMillis(1);
    }

    /** {@code created.lt} / {@code created.lte}: the end of the range (exclusive). */
    private static Instant to(Map<String, String> q) {
        Instant lt = time(q, "created.lt");
        Instant lte = time(q, "created.lte");
        Instant exact = time(q, "created");
        if (exact != null) {
            return exact.plusMillis(1);
        }
        return lt != null ? lt : lte == null ? null : lte.plusMillis(1);
    }

    private static Instant time(Map<String, String> q, String name) {
        String raw = q.get(name);
        if (raw == null) {
            return null;
        }
        return Timestamps.parse(raw).orElseThrow(() -> new ApiException(ErrorCode.IR_06,
                "query parameter `" + name + "` must be " + Timestamps.ACCEPTED));
    }
}
