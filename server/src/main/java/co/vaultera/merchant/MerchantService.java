package co.vaultera.merchant;

import co.vaultera.apikey.AuthCache;
import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.Ids;
import co.vaultera.common.Timestamps;
import co.vaultera.config.SwitchProperties;
import co.vaultera.crypto.DataKeys;
import co.vaultera.crypto.MasterKey;
import co.vaultera.merchant.api.MerchantAccountRequest;
import co.vaultera.merchant.api.MerchantAccountRequest.BusinessDetails;
import co.vaultera.merchant.api.MerchantAccountResponse;
import co.vaultera.web.auth.MerchantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchant accounts: creating one also creates its organization (unless given), its business profiles, its
 * publishable key and its own data key. No API key is created; that is a separate call.
 */
@Service
public class MerchantService {

    private final MerchantRepository merchants;
    private final DataKeys dataKeys;
    private final AuthCache authCache;
    private final String keyEnvironment;

    public MerchantService(MerchantRepository merchants, DataKeys dataKeys, AuthCache authCache,
                           SwitchProperties props) {
        this.merchants = merchants;
        this.dataKeys = dataKeys;
        this.authCache = authCache;
        this.keyEnvironment = props.apiKeyPrefix();
    }

    @Transactional
    public MerchantAccountResponse create(MerchantAccountRequest req) {
        Instant now = Timestamps.now();
        String organizationId = req.organizationId();
        if (organizationId == null) {
            organizationId = Ids.organization();
            merchants.insertOrganization(organizationId, now);
        } else if (!merchants.organizationExists(organizationId)) {
            throw ApiException.notFound("Organization");
        }
        List<BusinessDetails> business = req.primaryBusinessDetails() == null ? List.of()
                : req.primaryBusinessDetails();
        List<String> profileIds = new ArrayList<>();
        for (int i = 0; i < Math.max(1, business.size()); i++) {
            profileIds.add(Ids.profile());
        }
        Merchant merchant = new Merchant(
                req.merchantId(), organizationId, req.merchantName(), req.merchantDetails(),
                req.paymentResponseHashKey() != null ? req.paymentResponseHashKey() : Ids.alphanumeric(64),
                Ids.publishableKey(keyEnvironment), req.returnUrl(), req.webhookDetails(),
                orDefault(req.enablePaymentResponseHash(), true),
                orDefault(req.redirectToMerchantWithHttpPost(), false),
                req.metadata(), business,
                req.merchantAccountType() != null ? req.merchantAccountType() : "standard",
                req.subMerchantsEnabled(), req.parentMerchantId(), req.lockerId(), req.productType(),
                profileIds.getFirst(), now);
        if (!merchants.insert(merchant, dataKeys.newWrappedKey(merchant.merchantId()), MasterKey.VERSION)) {
            throw new ApiException(ErrorCode.HE_01,
                    "The merchant account with the specified details already exists in our records");
        }
        if (business.isEmpty()) {
            merchants.insertProfile(merchant.merchantId(), profileIds.getFirst(), "default", now);
        }
        for (int i = 0; i < business.size(); i++) {
            BusinessDetails b = business.get(i);
            merchants.insertProfile(merchant.merchantId(), profileIds.get(i), b.country() + "_" + b.business(), now);
        }
        return toResponse(merchant);
    }

    /**
     * The context of a merchant for work no API key started (shopper redirects, background sync): the same data
     * key and scoping as an authenticated request.
     */
    public Optional<MerchantContext> context(String merchantId) {
        return merchants.contextColumns(merchantId).map(c -> new MerchantContext(merchantId,
                dataKeys.unwrap(merchantId, c.wrappedDataKey()), c.defaultProfile()));
    }

    /** The merchant as stored, for flows that need its settings (return URL, response hash key). */
    public Optional<Merchant> find(String merchantId) {
        return merchants.find(merchantId);
    }

    public MerchantAccountResponse retrieve(String merchantId) {
        return toResponse(merchants.find(merchantId).orElseThrow(MerchantService::notFound));
    }

    public List<MerchantAccountResponse> list(String organizationId) {
        return merchants.list(organizationId).stream().map(MerchantService::toResponse).toList();
    }

    @Transactional
    public MerchantAccountResponse update(String merchantId, MerchantAccountRequest req) {
        Merchant m = merchants.findForUpdate(merchantId).orElseThrow(MerchantService::notFound);
        Merchant updated = new Merchant(
                m.merchantId(), m.organizationId(),
                orDefault(req.merchantName(), m.merchantName()),
                orDefault(req.merchantDetails(), m.merchantDetails()),
                orDefault(req.paymentResponseHashKey(), m.paymentResponseHashKey()),
                m.publishableKey(),
                orDefault(req.returnUrl(), m.returnUrl()),
                orDefault(req.webhookDetails(), m.webhookDetails()),
                orDefault(req.enablePaymentResponseHash(), m.enablePaymentResponseHash()),
                orDefault(req.redirectToMerchantWithHttpPost(), m.redirectToMerchantWithHttpPost()),
                orDefault(req.metadata(), m.metadata()),
                orDefault(req.primaryBusinessDetails(), m.primaryBusinessDetails()),
                orDefault(req.merchantAccountType(), m.merchantAccountType()),
                orDefault(req.subMerchantsEnabled(), m.subMerchantsEnabled()),
                orDefault(req.parentMerchantId(), m.parentMerchantId()),
                orDefault(req.lockerId(), m.lockerId()),
                orDefault(req.productType(), m.productType()),
                m.defaultProfile(), m.createdAt());
        merchants.update(updated);
        return toResponse(updated);
    }

    @Transactional
    public void delete(String merchantId) {
        if (!merchants.delete(merchantId)) {
            throw notFound();
        }
        dataKeys.forget(merchantId);
        authCache.evictMerchant(merchantId);
    }

    private static ApiException notFound() {
        return ApiException.notFound("Merchant account");
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static MerchantAccountResponse toResponse(Merchant m) {
        return new MerchantAccountResponse(m.merchantId(), m.merchantName(), m.returnUrl(),
                m.enablePaymentResponseHash(), m.paymentResponseHashKey(), m.redirectToMerchantWithHttpPost(),
                m.merchantDetails(), m.webhookDetails(), null, m.subMerchantsEnabled(), m.parentMerchantId(),
                m.publishableKey(), m.metadata(), m.lockerId(), m.primaryBusinessDetails(), null,
                m.organizationId(), false, m.defaultProfile(), "not_requested", null, m.productType(),
                m.merchantAccountType(), null);
    }
}
