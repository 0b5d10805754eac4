package co.vaultera.connectoraccount;

import co.vaultera.common.ApiException;
import co.vaultera.common.Ids;
import co.vaultera.common.Timestamps;
import co.vaultera.connector.ConnectorRegistry;
import co.vaultera.connector.spi.ConnectorAccount;
import co.vaultera.connectoraccount.api.ConnectorAccountRequest;
import co.vaultera.connectoraccount.api.ConnectorAccountRequest.AuthDetails;
import co.vaultera.connectoraccount.api.ConnectorAccountResponse;
import co.vaultera.web.auth.MerchantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Merchants' processor accounts, and the view of them the payment flow routes over. */
@Service
public class ConnectorAccountService {

    private final ConnectorAccountRepository accounts;
    private final ConnectorRegistry registry;
    private final JsonMapper json;

    public ConnectorAccountService(ConnectorAccountRepository accounts, ConnectorRegistry registry, JsonMapper json) {
        this.accounts = accounts;
        this.registry = registry;
        this.json = json;
    }

    public Set<String> connectorNames() {
        return registry.names();
    }

    public ConnectorAccountResponse create(MerchantContext merchant, ConnectorAccountRequest req) {
        String profileId = profile(merchant, req.profileId());
        ConnectorAccountRecord record = new ConnectorAccountRecord(
                "mca_" + Ids.alphanumeric(20), req.connectorType(), req.connectorName(),
                req.connectorLabel() != null ? req.connectorLabel() : req.connectorName() + "_default",
                profileId, req.accountDetails(), bool(req.testMode(), false), bool(req.disabled(), false),
                req.paymentMethodsEnabled(), req.metadata(), req.webhookDetails(), req.businessCountry(),
                req.businessLabel(), req.businessSubLabel(), req.status() != null ? req.status() : "active",
                Timestamps.now());
        accounts.insert(merchant.dataKey(), record);
        return toResponse(record);
    }

    public ConnectorAccountResponse retrieve(MerchantContext merchant, String id) {
        return toResponse(find(merchant, id));
    }

    public List<ConnectorAccountResponse> list(MerchantContext merchant) {
        return accounts.list(merchant.dataKey()).stream().map(ConnectorAccountService::toResponse).toList();
    }

    public ConnectorAccountResponse update(MerchantContext merchant, String id, ConnectorAccountRequest req) {
        ConnectorAccountRecord c = find(merchant, id);
        if (req.connectorName() != null && !req.connectorName().equals(c.connectorName())) {
            throw ApiException.invalidBody("field `connector_name` cannot be changed");
        }
        ConnectorAccountRecord updated = new ConnectorAccountRecord(id, or(req.connectorType(), c.connectorType()),
                c.connectorName(), or(req.connectorLabel(), c.connectorLabel()),
                req.profileId() != null ? profile(merchant, req.profileId()) : c.profileId(),
                or(req.accountDetails(), c.accountDetails()), bool(req.testMode(), c.testMode()),
                bool(req.disabled(), c.disabled()), or(req.paymentMethodsEnabled(), c.paymentMethodsEnabled()),
                or(req.metadata(), c.metadata()), or(req.webhookDetails(), c.webhookDetails()),
                or(req.businessCountry(), c.businessCountry()), or(req.businessLabel(), c.businessLabel()),
                or(req.businessSubLabel(), c.businessSubLabel()), or(req.status(), c.status()), c.createdAt());
        accounts.update(merchant.dataKey(), updated);
        return toResponse(updated);
    }

    public ConnectorAccountResponse.Deleted delete(MerchantContext merchant, String id) {
        if (!accounts.delete(merchant.merchantId(), id)) {
            throw notFound();
        }
        return new ConnectorAccountResponse.Deleted(merchant.merchantId(), id, true);
    }

    /**
     * The accounts a payment may be routed to, in order: the requested connectors (by name or account id) if any,
     * else every usable account of the profile in creation order.
     */
    public List<RoutableAccount> routable(MerchantContext merchant, String profileId, List<String> requested) {
        List<ConnectorAccountRecord> usable = accounts.list(merchant.dataKey()).stream()
                .filter(ConnectorAccountRecord::usableForPayments)
                .filter(a -> profileId == null || profileId.equals(a.profileId()))
                .toList();
        List<ConnectorAccountRecord> chosen = usable;
        if (requested != null && !requested.isEmpty()) {
            chosen = requested.stream().flatMap(r -> usable.stream()
                    .filter(a -> a.connectorName().equals(r) || a.merchantConnectorId().equals(r))).distinct()
                    .toList();
        }
        return chosen.stream().map(this::routable).toList();
    }

    /** The account an existing attempt was made on, for its capture, void, sync and refunds. */
    public RoutableAccount forAttempt(MerchantContext merchant, String merchantConnectorId) {
        return routable(find(merchant, merchantConnectorId));
    }

    private RoutableAccount routable(ConnectorAccountRecord a) {
        AuthDetails d = a.accountDetails();
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = a.metadata() == null ? Map.of() : json.convertValue(a.metadata(), Map.class);
        ConnectorAccount spi = new ConnectorAccount(a.connectorName(), a.merchantConnectorId(), d.authType(),
                d.apiKey(), d.key1(), d.apiSecret(), metadata);
        return new RoutableAccount(a.merchantConnectorId(), a.connectorName(), a.profileId(), spi);
    }

    private ConnectorAccountRecord find(MerchantContext merchant, String id) {
        return accounts.find(merchant.dataKey(), id).orElseThrow(ConnectorAccountService::notFound);
    }

    /** The requested profile if the merchant has it (else 404), or the merchant's default profile. */
    public String profileOrDefault(MerchantContext merchant, String requested) {
        return profile(merchant, requested);
    }

    private String profile(MerchantContext merchant, String requested) {
        if (requested == null) {
            return merchant.defaultProfile();
        }
        if (!accounts.profileExists(merchant.merchantId(), requested)) {
            throw ApiException.notFound("Business profile");
        }
        return requested;
    }

    static ApiException notFound() {
        return ApiException.notFound("Merchant connector account");
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static boolean bool(Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }

    private static ConnectorAccountResponse toResponse(ConnectorAccountRecord a) {
        Map<String, String> details = new LinkedHashMap<>();
        AuthDetails d = a.accountDetails();
        details.put("auth_type", d.authType());
        putMasked(details, "api_key", d.apiKey());
        putMasked(details, "key1", d.key1());
        putMasked(details, "api_secret", d.apiSecret());
        putMasked(details, "key2", d.key2());
        Map<String, String> webhook = null;
        if (a.webhookDetails() != null) {
            webhook = new LinkedHashMap<>();
            putMasked(webhook, "merchant_secret", a.webhookDetails().merchantSecret());
            putMasked(webhook, "additional_secret", a.webhookDetails().additionalSecret());
        }
        return new ConnectorAccountResponse(a.connectorType(), a.connectorName(), a.connectorLabel(), a.merchantConnectorId(), a.profileId(),
                details, a.paymentMethodsEnabled(), webhook, a.metadata(), a.testMode(), a.disabled(), null,
                a.businessCountry(), a.businessLabel(), a.businessSubLabel(), List.of(), null, a.status(), null, null);
    }

    /** Secrets are answered as stars plus at most their last four characters, and only when long enough. */
    private static void putMasked(Map<String, String> out, String key, String secret) {
        if (secret != null) {
            out.put(key, secret.length() >= 16 ? "****" + secret.substring(secret.length() - 4) : "****");
        }
    }

    /** A processor account as the payment flow sees it. */
    public record RoutableAccount(String merchantConnectorId, String connectorName, String profileId,
                                  ConnectorAccount account) {
        @Override
        public String toString() {
            return "RoutableAccount[" + merchantConnectorId + ", " + connectorName + "]";
        }
    }
}
