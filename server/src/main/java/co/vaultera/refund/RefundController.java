package co.vaultera.refund;

import co.vaultera.common.Limits;
import co.vaultera.common.Paging;
import co.vaultera.idempotency.Idempotency;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import co.vaultera.refund.api.RefundRequests;
import co.vaultera.refund.api.RefundResponse;
import co.vaultera.web.auth.MerchantContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The Refunds API (merchant secret key). {@code /refunds/list} is a literal route, so it wins over an id. */
@RestController
public class RefundController {

    private final RefundService service;
    private final Idempotency idempotency;

    public RefundController(RefundService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @PostMapping("/refunds")
    ResponseEntity<?> create(@RequestBody JsonNode body, MerchantContext merchant, HttpServletRequest http) {
        RefundRequests.Create request = RefundRequests.create(body);
        return idempotency.run(merchant, http, seed -> service.create(merchant, request, seed),
                (seed, claimedAt) -> service.resumeCreate(merchant, request, seed, claimedAt));
    }

    @PostMapping("/refunds/list")
    RefundResponse.Page list(@RequestBody(required = false) JsonNode body, MerchantContext merchant) {
        return service.list(merchant, RefundRequests.list(body));
    }

    @GetMapping("/refunds/{refundId}")
    RefundResponse retrieve(@PathVariable String refundId, MerchantContext merchant,
                            @RequestParam(name = "force_sync", required = false) String forceSync) {
        return service.retrieve(merchant, known(refundId), Paging.flag("force_sync", forceSync));
    }

    @PostMapping("/refunds/{refundId}")
    ResponseEntity<?> update(@PathVariable String refundId, @RequestBody JsonNode body, MerchantContext merchant,
                             HttpServletRequest http) {
        RefundRequests.Update request = RefundRequests.update(body);
        String id = known(refundId);
        return idempotency.run(merchant, http, seed -> service.update(merchant, id, request),
                (seed, claimedAt) -> service.retrieve(merchant, id, false));
    }

    private static String known(String refundId) {
        if (!Limits.isIdentifier(refundId)) {
            throw RefundService.notFound();
        }
        return refundId;
    }
}
