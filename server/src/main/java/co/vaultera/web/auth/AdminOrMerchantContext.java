package co.vaultera.web.auth;

/**
 * A route that takes either key: the admin key (the reference's, e.g. for deleting a connector account) or the
 * merchant's own secret key. Resolved from the {@code api-key} header like {@link AdminContext} and
 * {@link MerchantContext}.
 *
 * @param merchant the key's merchant, or {@code null} when the request carried the admin key
 */
public record AdminOrMerchantContext(MerchantContext merchant) {

    public boolean admin() {
        return merchant == null;
    }
}
