package co.vaultera.merchant;

import co.vaultera.common.Limits;
import co.vaultera.merchant.api.MerchantAccountDeleteResponse;
import co.vaultera.merchant.api.MerchantAccountRequest;
import co.vaultera.merchant.api.MerchantAccountResponse;
import co.vaultera.web.auth.AdminContext;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Merchant accounts; every route takes the admin key. */
@RestController
public class MerchantController {

    private final MerchantService service;

    public MerchantController(MerchantService service) {
        this.service = service;
    }

    @PostMapping("/accounts")
    MerchantAccountResponse create(@RequestBody JsonNode body, AdminContext admin) {
        return service.create(MerchantAccountRequest.forCreate(body));
    }

    @GetMapping("/accounts/list")
    List<MerchantAccountResponse> list(AdminContext admin,
                                       @RequestParam(name = "organization_id", required = false) String orgId) {
        return service.list(orgId);
    }

    @GetMapping("/accounts/{merchantId}")
    MerchantAccountResponse retrieve(@PathVariable String merchantId, AdminContext admin) {
        return service.retrieve(known(merchantId));
    }

    @PostMapping("/accounts/{merchantId}")
    MerchantAccountResponse update(@PathVariable String merchantId, @RequestBody JsonNode body, AdminContext admin) {
        return service.update(known(merchantId), MerchantAccountRequest.forUpdate(body, merchantId));
    }

    @DeleteMapping("/accounts/{merchantId}")
    MerchantAccountDeleteResponse delete(@PathVariable String merchantId, AdminContext admin) {
        service.delete(known(merchantId));
        return new MerchantAccountDeleteResponse(merchantId, true);
    }

    /** A path id that could never have been stored is the same 404 as a missing one. */
    private static String known(String merchantId) {
        if (!Limits.isIdentifier(merchantId)) {
            throw co.vaultera.common.ApiException.notFound("Merchant account");
        }
        return merchantId;
    }
}
