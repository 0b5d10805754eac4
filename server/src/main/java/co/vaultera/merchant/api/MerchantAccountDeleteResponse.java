package co.vaultera.merchant.api;

public record MerchantAccountDeleteResponse(String merchantId, boolean deleted) {
}
