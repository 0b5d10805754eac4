package co.vaultera.apikey;

import co.vaultera.apikey.api.ApiKeyRequest;
import co.vaultera.apikey.api.ApiKeyResponses;
import co.vaultera.common.ApiException;
import co.vaultera.common.Ids;
import co.vaultera.common.Timestamps;
import co.vaultera.config.SwitchProperties;
import co.vaultera.crypto.DataKeys;
import co.vaultera.merchant.MerchantRepository;
import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Issues, lists, updates and revokes merchants' secret keys, and authenticates requests by them. */
@Service
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final MerchantRepository merchants;
    private final ApiKeyHasher hasher;
    private final DataKeys dataKeys;
    private final AuthCache cache;
    private final String environment;

    public ApiKeyService(ApiKeyRepository keys, MerchantRepository merchants, ApiKeyHasher hasher,
                         DataKeys dataKeys, AuthCache cache, SwitchProperties props) {
        this.keys = keys;
        this.merchants = merchants;
        this.hasher = hasher;
        this.dataKeys = dataKeys;
        this.cache = cache;
        this.environment = props.apiKeyPrefix();
    }

    /**
     * The merchant of a presented secret key, if the key exists and has not expired. Unknown, revoked and expired
     * keys look the same to the caller.
     */
    public Optional<MerchantContext> authenticate(String presentedKey) {
        byte[] hash = hasher.hash(presentedKey);
        String cacheKey = HexFormat.of().formatHex(hash);
        AuthCache.Entry entry = cache.get(cacheKey, () -> keys.findCredential(hash)
                .map(c -> new AuthCache.Entry(c.keyId(), c.expiresAt(),
                        new MerchantContext(c.merchantId(), dataKeys.unwrap(c.merchantId(), c.wrappedDataKey()),
                                c.defaultProfile())))
                .orElse(null));
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAt() != null && !entry.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(entry.merchant());
    }

    public ApiKeyResponses.Created create(String merchantId, ApiKeyRequest req) {
        if (merchants.find(merchantId).isEmpty()) {
            throw ApiException.notFound("Merchant account");
        }
        String plaintext = Ids.secretApiKey(environment);
        ApiKey key = new ApiKey(merchantId, Ids.apiKeyId(environment), req.name(), req.description(),
                plaintext.substring(0, 12), Timestamps.now(), req.expiresAt());
        keys.insert(key, hasher.hash(plaintext));
        return new ApiKeyResponses.Created(key.keyId(), merchantId, key.name(), key.description(), plaintext,
                Timestamps.format(key.createdAt()), expiration(key));
    }

    public ApiKeyResponses.Retrieved retrieve(String merchantId, String keyId) {
        return toResponse(find(merchantId, keyId));
    }

    public List<ApiKeyResponses.Retrieved> list(String merchantId, int limit, int skip) {
        return keys.list(merchantId, limit, skip).stream().map(ApiKeyService::toResponse).toList();
    }

    public ApiKeyResponses.Retrieved update(String merchantId, String keyId, ApiKeyRequest req) {
        ApiKey current = find(merchantId, keyId);
        ApiKey updated = new ApiKey(merchantId, keyId,
                req.name() != null ? req.name() : current.name(),
                req.description() != null ? req.description() : current.description(),
                current.prefix(), current.createdAt(),
                req.hasExpiration() ? req.expiresAt() : current.expiresAt());
        keys.update(updated);
        cache.evictKey(merchantId, keyId);
        return toResponse(updated);
    }

    public ApiKeyResponses.Revoked revoke(String merchantId, String keyId) {
        if (!keys.delete(merchantId, keyId)) {
            throw ApiException.notFound("API Key");
        }
        cache.evictKey(merchantId, keyId);
        return new ApiKeyResponses.Revoked(merchantId, keyId, true);
    }

    private ApiKey find(String merchantId, String keyId) {
        return keys.find(merchantId, keyId).orElseThrow(() -> ApiException.notFound("API Key"));
    }

    private static ApiKeyResponses.Retrieved toResponse(ApiKey key) {
        return new ApiKeyResponses.Retrieved(key.keyId(), key.merchantId(), key.name(), key.description(),
                key.prefix(), Timestamps.format(key.createdAt()), expiration(key));
    }

    private static String expiration(ApiKey key) {
        return key.expiresAt() == null ? "never" : Timestamps.format(key.expiresAt());
    }
}
