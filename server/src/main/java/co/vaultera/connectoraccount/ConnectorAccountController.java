package co.vaultera.connectoraccount;

import co.vaultera.common.ApiException;
import co.vaultera.common.Limits;
import co.vaultera.connectoraccount.api.ConnectorAccountRequest;
import co.vaultera.connectoraccount.api.ConnectorAccountResponse;
import co.vaultera.merchant.MerchantService;
import co.vaultera.web.auth.AdminOrMerchantContext;
import co.vaultera.web.auth.MerchantContext;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Merchant connector accounts. The merchant key must belong to the account in the path; any other key is a 401,
 * as in the reference. Delete also takes the admin key, as the reference's does.
 */
@RestController
public class ConnectorAccountController {

    private final ConnectorAccountService service;
    private final MerchantService merchants;

    public ConnectorAccountController(ConnectorAccountService service, MerchantService merchants) {
        this.service = service;
        this.merchants = merchants;
    }

    @PostMapping("/account/{merchantId}/connectors")
    ConnectorAccountResponse create(@PathVariable String merchantId, @RequestBody JsonNode body,
                                    MerchantContext merchant) {
        ConnectorAccountRequest request = ConnectorAccountRequest.forCreate(body, service.connectorNames());
        return service.create(owner(merchantId, merchant), request);
    }

    @GetMapping("/account/{merchantId}/connectors")
    List<ConnectorAccountResponse> list(@PathVariable String merchantId, MerchantContext merchant) {
        return service.list(owner(merchantId, merchant));
    }

    @GetMapping("/account/{merchantId}/connectors/{id}")
    ConnectorAccountResponse retrieve(@PathVariable String merchantId, @PathVariable String id,
                                      MerchantContext merchant) {
        return service.retrieve(owner(merchantId, merchant), known(id));
    }

    @PostMapping("/account/{merchantId}/connectors/{id}")
    ConnectorAccountResponse update(@PathVariable String merchantId, @PathVariable String id,
                                    @RequestBody JsonNode body, MerchantContext merchant) {
        ConnectorAccountRequest request = ConnectorAccountRequest.forUpdate(body, service.connectorNames());
        return service.update(owner(merchantId, merchant), known(id), request);
    }

    /** The reference takes the admin key here; the merchant's own key works too. */
    @DeleteMapping("/account/{merchantId}/connectors/{id}")
    ConnectorAccountResponse.Deleted delete(@PathVariable String merchantId, @PathVariable String id,
                                            AdminOrMerchantContext caller) {
        MerchantContext merchant = caller.admin()
                ? Optional.of(merchantId).filter(Limits::isIdentifier).flatMap(merchants::context)
                        .orElseThrow(() -> ApiException.notFound("Merchant account"))
                : owner(merchantId, caller.merchant());
        return service.delete(merchant, known(id));
    }

    private static MerchantContext owner(String pathMerchantId, MerchantContext merchant) {
        if (!merchant.merchantId().equals(pathMerchantId)) {
            throw ApiException.unauthorized();
        }
        return merchant;
    }

    private static String known(String id) {
        if (!Limits.isIdentifier(id)) {
            // Not echoed: a malformed id may be anything the client put in the path.
            throw ConnectorAccountService.notFound(null);
        }
        return id;
    }
}
