package co.vaultera.merchant;

import co.vaultera.merchant.api.MerchantAccountRequest.BusinessDetails;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** A merchant account with its secrets decrypted; lives only in memory for the length of a request. */
public record Merchant(
        String merchantId,
        String organizationId,
        String merchantName,
        ObjectNode merchantDetails,
        String paymentResponseHashKey,
        String publishableKey,
        String returnUrl,
        ObjectNode webhookDetails,
        boolean enablePaymentResponseHash,
        boolean redirectToMerchantWithHttpPost,
        ObjectNode metadata,
        List<BusinessDetails> primaryBusinessDetails,
        String merchantAccountType,
        Boolean subMerchantsEnabled,
        String parentMerchantId,
        String lockerId,
        String productType,
        String defaultProfile,
        Instant createdAt) {
}
