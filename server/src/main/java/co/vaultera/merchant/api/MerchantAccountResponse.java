package co.vaultera.merchant.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A merchant account on the wire, in the reference's field order; every field is present, null when empty. */
@JsonPropertyOrder({"merchant_id", "merchant_name", "return_url", "enable_payment_response_hash",
        "payment_response_hash_key", "redirect_to_merchant_with_http_post", "merchant_details", "webhook_details",
        "payout_routing_algorithm", "sub_merchants_enabled", "parent_merchant_id", "publishable_key", "metadata",
        "locker_id", "primary_business_details", "frm_routing_algorithm", "organization_id", "is_recon_enabled",
        "default_profile", "recon_status", "pm_collect_link_config", "product_type", "merchant_account_type",
        "network_tokenization_credentials"})
public record MerchantAccountResponse(
        String merchantId,
        String merchantName,
        String returnUrl,
        boolean enablePaymentResponseHash,
        String paymentResponseHashKey,
        boolean redirectToMerchantWithHttpPost,
        JsonNode merchantDetails,
        JsonNode webhookDetails,
        JsonNode payoutRoutingAlgorithm,
        Boolean subMerchantsEnabled,
        String parentMerchantId,
        String publishableKey,
        JsonNode metadata,
        String lockerId,
        List<MerchantAccountRequest.BusinessDetails> primaryBusinessDetails,
        JsonNode frmRoutingAlgorithm,
        String organizationId,
        boolean isReconEnabled,
        String defaultProfile,
        String reconStatus,
        JsonNode pmCollectLinkConfig,
        String productType,
        String merchantAccountType,
        JsonNode networkTokenizationCredentials) {
}
