package co.vaultera.web.auth;

import co.vaultera.crypto.DataKey;

/**
 * The merchant a secret API key belongs to, with its data key. A controller method that declares a parameter of
 * this type is a merchant route; every query it leads to is scoped by {@link #merchantId()}.
 *
 * @param defaultProfile the business profile of requests that name none; set when the merchant is created and never
 *                       changed, so it travels with the (cached) context instead of being read per request
 */
public record MerchantContext(String merchantId, DataKey dataKey, String defaultProfile) {
}
