package co.vaultera.merchant.api;

import co.vaultera.common.ApiException;
import co.vaultera.common.CountryCodes;
import co.vaultera.common.HttpUrls;
import co.vaultera.common.JsonFields;
import co.vaultera.common.Limits;
import co.vaultera.common.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Body of merchant-account create and update. Strict, as in the reference: unknown keys are rejected, also inside
 * {@code webhook_details}. On update every field is optional and an absent one leaves the stored value alone.
 */
public record MerchantAccountRequest(
        String merchantId,
        String merchantName,
        ObjectNode merchantDetails,
        String returnUrl,
        ObjectNode webhookDetails,
        Boolean enablePaymentResponseHash,
        String paymentResponseHashKey,
        Boolean redirectToMerchantWithHttpPost,
        ObjectNode metadata,
        List<BusinessDetails> primaryBusinessDetails,
        String organizationId,
        String merchantAccountType,
        Boolean subMerchantsEnabled,
        String parentMerchantId,
        String lockerId,
        String productType) {

    private static final List<String> FIELDS = List.of("merchant_id", "merchant_name", "merchant_details",
            "return_url", "webhook_details", "enable_payment_response_hash", "payment_response_hash_key",
            "redirect_to_merchant_with_http_post", "metadata", "publishable_key", "primary_business_details",
            "organization_id", "merchant_account_type", "sub_merchants_enabled", "parent_merchant_id", "locker_id",
            "product_type");
    private static final List<String> WEBHOOK_FIELDS = List.of("webhook_version", "webhook_username",
            "webhook_password", "webhook_url", "payment_created_enabled", "payment_succeeded_enabled",
            "payment_failed_enabled", "payment_statuses_enabled", "refund_statuses_enabled",
            "payout_statuses_enabled");
    private static final Set<String> ACCOUNT_TYPES = Set.of("standard", "platform", "connected");
    private static final Set<String> PRODUCT_TYPES =
            Set.of("orchestration", "vault", "recon", "recovery", "cost_observability", "dynamic_routing");

    /** One entry of {@code primary_business_details}; each becomes a business profile named {@code country_business}. */
    public record BusinessDetails(String country, String business) {
    }

    /** Reads a create body: {@code merchant_id} is required. {@code publishable_key} is accepted and ignored. */
    public static MerchantAccountRequest forCreate(JsonNode body) {
        JsonFields f = JsonFields.body(body).rejectUnknown(FIELDS);
        String merchantId = Limits.identifier("merchant_id", f.requiredString("merchant_id", Integer.MAX_VALUE));
        return read(f, merchantId);
    }

    /** Reads an update body; a {@code merchant_id} in it must name the account in the path. */
    public static MerchantAccountRequest forUpdate(JsonNode body, String pathMerchantId) {
        JsonFields f = JsonFields.body(body).rejectUnknown(FIELDS);
        String merchantId = f.string("merchant_id");
        if (merchantId != null && !merchantId.strip().equals(pathMerchantId)) {
            throw ApiException.invalidBody("field `merchant_id` does not match the account in the URL");
        }
        if (f.has("organization_id")) {
            throw ApiException.invalidBody("field `organization_id` cannot be changed");
        }
        return read(f, pathMerchantId);
    }

    private static MerchantAccountRequest read(JsonFields f, String merchantId) {
        JsonFields details = f.object("merchant_details");
        JsonFields webhook = f.object("webhook_details");
        if (webhook != null) {
            webhook.rejectUnknown(WEBHOOK_FIELDS);
            String url = webhook.string("webhook_url", 2048);
            if (url != null) {
                HttpUrls.requireHttpUrl("webhook_details.webhook_url", url);
            }
        }
        String returnUrl = f.string("return_url", 2048);
        if (returnUrl != null) {
            HttpUrls.requireHttpUrl("return_url", returnUrl);
        }
        String hashKey = f.string("payment_response_hash_key", 255);
        if (hashKey != null) {
            Limits.minChars("payment_response_hash_key", hashKey, 1);
        }
        String organizationId = f.string("organization_id");
        String parent = f.string("parent_merchant_id");
        return new MerchantAccountRequest(
                merchantId,
                f.string("merchant_name", 255),
                details == null ? null : details.node(),
                returnUrl,
                webhook == null ? null : webhook.node(),
                f.bool("enable_payment_response_hash"),
                hashKey,
                f.bool("redirect_to_merchant_with_http_post"),
                Metadata.read(f, "metadata"),
                businessDetails(f),
                organizationId == null ? null : Limits.identifier("organization_id", organizationId),
                f.oneOf("merchant_account_type", ACCOUNT_TYPES),
                f.bool("sub_merchants_enabled"),
                parent == null ? null : Limits.identifier("parent_merchant_id", parent),
                f.string("locker_id", 64),
                f.oneOf("product_type", PRODUCT_TYPES));
    }

    private static List<BusinessDetails> businessDetails(JsonFields f) {
        JsonNode value = f.node().get("primary_business_details");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.invalidBody("invalid type for field `primary_business_details`, expected a sequence");
        }
        List<BusinessDetails> out = new ArrayList<>();
        for (JsonNode item : (ArrayNode) value) {
            JsonFields entry = JsonFields.body(item).rejectUnknown(List.of("country", "business"));
            String country = entry.oneOf("country", CountryCodes.ALL);
            String business = entry.string("business", 64);
            if (country == null || business == null) {
                throw ApiException.invalidBody("each `primary_business_details` entry needs `country` and `business`");
            }
            out.add(new BusinessDetails(country, business));
        }
        return out;
    }
}
