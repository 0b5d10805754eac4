package co.vaultera.customer;

import co.vaultera.common.Limits;
import co.vaultera.common.Paging;
import co.vaultera.idempotency.Idempotency;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import co.vaultera.customer.api.CustomerDeleteResponse;
import co.vaultera.customer.api.CustomerRequest;
import co.vaultera.customer.api.CustomerResponse;
import co.vaultera.web.auth.MerchantContext;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The Customers API (merchant secret key). {@code /customers/list} is a literal route, so it wins over an id. */
@RestController
public class CustomerController {

    private final CustomerService service;
    private final Idempotency idempotency;

    public CustomerController(CustomerService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @PostMapping("/customers")
    ResponseEntity<?> create(@RequestBody JsonNode body, MerchantContext merchant, HttpServletRequest http) {
        CustomerRequest request = CustomerRequest.forCreate(body);
        return idempotency.run(merchant, http, seed -> service.create(merchant, request, seed), null);
    }

    @GetMapping("/customers/list")
    List<CustomerResponse> list(MerchantContext merchant,
                                @RequestParam(required = false) String limit,
                                @RequestParam(required = false) String offset,
                                @RequestParam(name = "customer_id", required = false) String customerId) {
        return service.list(merchant, customerId, Paging.limit(limit, 10, 1, 100), Paging.offset("offset", offset));
    }

    @GetMapping("/customers/{customerId}")
    CustomerResponse retrieve(@PathVariable String customerId, MerchantContext merchant) {
        return service.retrieve(merchant, known(customerId));
    }

    @PostMapping("/customers/{customerId}")
    ResponseEntity<?> update(@PathVariable String customerId, @RequestBody JsonNode body, MerchantContext merchant,
                             HttpServletRequest http) {
        CustomerRequest request = CustomerRequest.forUpdate(body);
        String id = known(customerId);
        return idempotency.run(merchant, http, seed -> service.update(merchant, id, request), null);
    }

    @DeleteMapping("/customers/{customerId}")
    CustomerDeleteResponse delete(@PathVariable String customerId, MerchantContext merchant) {
        return service.delete(merchant, known(customerId));
    }

    /** A path id that breaks the id rules can never be stored: the same 404 as an unknown id. */
    private static String known(String customerId) {
        if (!Limits.isIdentifier(customerId)) {
            throw CustomerService.notFound();
        }
        return customerId;
    }
}
