package co.vaultera.apikey;

import co.vaultera.apikey.api.ApiKeyRequest;
import co.vaultera.apikey.api.ApiKeyResponses;
import co.vaultera.common.ApiException;
import co.vaultera.common.Limits;
import co.vaultera.common.Paging;
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

/** Merchants' secret API keys; every route takes the admin key. */
@RestController
public class ApiKeyController {

    private final ApiKeyService service;

    public ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @PostMapping("/api_keys/{merchantId}")
    ApiKeyResponses.Created create(@PathVariable String merchantId, @RequestBody JsonNode body, AdminContext admin) {
        ApiKeyRequest request = ApiKeyRequest.forCreate(body);
        return service.create(merchant(merchantId), request);
    }

    @GetMapping("/api_keys/{merchantId}/list")
    List<ApiKeyResponses.Retrieved> list(@PathVariable String merchantId, AdminContext admin,
                                         @RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String skip) {
        return service.list(merchant(merchantId), Paging.limit(limit, 100, 1, 100), Paging.offset("skip", skip));
    }

    @GetMapping("/api_keys/{merchantId}/{keyId}")
    ApiKeyResponses.Retrieved retrieve(@PathVariable String merchantId, @PathVariable String keyId,
                                       AdminContext admin) {
        return service.retrieve(merchant(merchantId), key(keyId));
    }

    @PostMapping("/api_keys/{merchantId}/{keyId}")
    ApiKeyResponses.Retrieved update(@PathVariable String merchantId, @PathVariable String keyId,
                                     @RequestBody JsonNode body, AdminContext admin) {
        ApiKeyRequest request = ApiKeyRequest.forUpdate(body);
        return service.update(merchant(merchantId), key(keyId), request);
    }

    @DeleteMapping("/api_keys/{merchantId}/{keyId}")
    ApiKeyResponses.Revoked revoke(@PathVariable String merchantId, @PathVariable String keyId, AdminContext admin) {
        return service.revoke(merchant(merchantId), key(keyId));
    }

    private static String merchant(String merchantId) {
        if (!Limits.isIdentifier(merchantId)) {
            throw ApiException.notFound("Merchant account");
        }
        return merchantId;
    }

    private static String key(String keyId) {
        if (!Limits.isIdentifier(keyId)) {
            throw ApiException.notFound("API Key");
        }
        return keyId;
    }
}
