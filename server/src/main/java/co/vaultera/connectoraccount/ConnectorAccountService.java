package co.vaultera.connectoraccount;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.Ids;
import co.vaultera.common.RecentCache;
import co.vaultera.common.Timestamps;
import co.vaultera.connector.ConnectorRegistry;
import co.vaultera.connector.spi.ConnectorAccount;
import co.vaultera.connector.spi.ConnectorException;
import co.vaultera.connectoraccount.api.ConnectorAccountRequest;
import co.vaultera.connectoraccount.api.ConnectorAccountRequest.AuthDetails;
import co.vaultera.connectoraccount.api.ConnectorAccountResponse;
import co.vaultera.web.auth.MerchantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Merchants' processor accounts, and the view of them the payment flow routes over. */
@Service
public class ConnectorAccountService {

    /**
     * How long a change to an account made on another node can go unseen by this node's payments; a change made here
     * is seen at once.
     */
    static final long ROUTING_TTL_MILLIS = 2_000;

    private final ConnectorAccountRepository accounts;
    private final ConnectorRegistry registry;
    private final JsonMapper json;

    /**
     * Every merchant's accounts as the payment flow uses them (credentials decrypted, metadata parsed), by merchant
     * id: a payment routes without reading and decrypting them again (on the 2-core VM the read was a tenth of the
     * server's CPU per payment, bench/README.md).
     */
    private final RecentCache<String, List<Candidate>> routing = new RecentCache<>(ROUTING_TTL_MILLIS,
            ROUTING_TTL_MILLIS / 2, 10_000, System::currentTimeMillis);

    /** An account and the view of it a payment is routed to. */
    private record Candidate(ConnectorAccountRecord record, RoutableAccount routable) {
    }

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
        checkWithConnector(record);
        try {
            accounts.insert(merchant.dataKey(), record);
        } catch (DuplicateKeyException e) {
            throw labelTaken(record);
        }
        changed(merchant);
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
        checkWithConnector(updated);
        try {
            accounts.update(merchant.dataKey(), updated);
        } catch (DuplicateKeyException e) {
            throw labelTaken(updated);
        }
        changed(merchant);
        return toResponse(updated);
    }

    public ConnectorAccountResponse.Deleted delete(MerchantContext merchant, String id) {
        if (!accounts.delete(merchant.merchantId(), id)) {
            throw notFound(id);
        }
        changed(merchant);
        return new ConnectorAccountResponse.Deleted(merchant.merchantId(), id, true);
    }

    /**
     * The accounts a payment may be routed to, in order: the requested connectors (by name or account id) if any,
     * else every usable account of the profile in creation order.
     */
    public List<RoutableAccount> routable(MerchantContext merchant, String profileId, List<String> requested) {
        List<Candidate> usable = candidates(merchant).stream()
                .filter(c -> c.record().usableForPayments())
                // An account of a connector this server was built without can take no payment here.
                .filter(c -> registry.names().contains(c.record().connectorName()))
                .filter(c -> profileId == null || profileId.equals(c.record().profileId()))
                .toList();
        List<Candidate> chosen = usable;
        if (requested != null && !requested.isEmpty()) {
            chosen = requested.stream().flatMap(r -> usable.stream()
                    .filter(c -> c.record().connectorName().equals(r) || c.record().merchantConnectorId().equals(r)))
                    .distinct().toList();
        }
        return chosen.stream().map(Candidate::routable).toList();
    }

    /**
     * The account an existing attempt was made on (disabled since or not), for a new call that moves money: a
     * capture, a void, a refund.
     *
     * @throws ApiException 404 {@code HE_02} if the account was deleted; {@link #connectorUnavailable} if this
     *                      server has no connector of its name (removed from the build since), so no call can be made
     */
    public RoutableAccount forAttempt(MerchantContext merchant, String merchantConnectorId) {
        return available(candidates(merchant).stream()
                .filter(c -> c.record().merchantConnectorId().equals(merchantConnectorId))
                .map(Candidate::routable)
                .findFirst()
                // Not among those cached: made on another node a moment ago, or gone (then a 404).
                .orElseGet(() -> routable(find(merchant, merchantConnectorId))));
    }

    /**
     * The account an attempt or refund was made on, deleted since or not, to settle what was started on it: a sync,
     * the end of a 3DS challenge. Only its credentials can ask the processor about a charge it may have made.
     *
     * @throws ApiException 404 {@code HE_02} only if no such account was ever kept (deleted by an earlier version)
     *                      or its credentials were erased, which happens once nothing on it is left to settle;
     *                      {@link #connectorUnavailable} as for {@link #forAttempt}
     */
    public RoutableAccount forSettling(MerchantContext merchant, String merchantConnectorId) {
        return available(routable(accounts.findEvenIfDeleted(merchant.dataKey(), merchantConnectorId)
                // Deleted, with its credentials erased since (DeletedAccountCredentialsPurgeJob): nobody can ask.
                .filter(a -> a.accountDetails() != null)
                .orElseThrow(() -> notFound(merchantConnectorId))));
    }

    private RoutableAccount available(RoutableAccount account) {
        if (!registry.names().contains(account.connectorName())) {
            throw connectorUnavailable(account.connectorName());
        }
        return account;
    }

    /**
     * 400 {@code IR_39}: the account's connector is not part of this server. Whatever the account's payments are
     * at the processor is unknown, not failed; a server with that connector again can ask.
     */
    private static ApiException connectorUnavailable(String connectorName) {
        return new ApiException(ErrorCode.IR_39, "No eligible connector: this server has no connector named `"
                + connectorName + "`, which the payment's connector account uses");
    }

    private List<Candidate> candidates(MerchantContext merchant) {
        return routing.get(merchant.merchantId(), () -> accounts.list(merchant.dataKey()).stream()
                .map(a -> new Candidate(a, routable(a)))
                .toList());
    }

    /** After a change is committed: this node's payments route over the accounts as they are now. */
    private void changed(MerchantContext merchant) {
        routing.evictIf((merchantId, cached) -> merchantId.equals(merchant.merchantId()));
    }

    /** The connector's own check of the account's settings; its refusal is a 400 naming the setting. */
    private void checkWithConnector(ConnectorAccountRecord a) {
        registry.find(a.connectorName()).ifPresent(connector -> {
            try {
                connector.checkAccount(routable(a).account());
            } catch (ConnectorException e) {
                throw ApiException.invalidBody(e.getMessage());
            }
        });
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
        return accounts.find(merchant.dataKey(), id).orElseThrow(() -> notFound(id));
    }

    /** The requested profile if the merchant has it (else 404), or the merchant's default profile. */
    public String profileOrDefault(MerchantContext merchant, String requested) {
        return profile(merchant, requested);
    }

    private String profile(MerchantContext merchant, String requested) {
        if (requested == null) {
            return merchant.defaultProfile();
        }
        if (!hasProfile(merchant, requested)) {
            throw ApiException.notFound("Business profile");
        }
        return requested;
    }

    /** Whether the merchant has this business profile; its default one is known without a query. */
    public boolean hasProfile(MerchantContext merchant, String profileId) {
        return profileId.equals(merchant.defaultProfile())
                || accounts.profileExists(merchant.merchantId(), profileId);
    }

    /** Hyperswitch's answer to a second account with one label in a profile. */
    private static ApiException labelTaken(ConnectorAccountRecord a) {
        return new ApiException(ErrorCode.HE_01, "The merchant connector account with the specified profile_id '"
                + a.profileId() + "' and connector_label '" + a.connectorLabel() + "' already exists in our records");
    }

    /** @param id a well-formed {@code merchant_connector_id} (named in {@code reason}, as in the reference), or null */
    static ApiException notFound(String id) {
        ApiException e = ApiException.notFound("Merchant connector account");
        return id == null ? e : e.withReason(id + " does not exist");
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
        return new ConnectorAccountResponse(a.connectorType(), a.connectorName(), a.connectorLabel(),
                a.merchantConnectorId(), a.profileId(), details, a.paymentMethodsEnabled(), webhook, a.metadata(),
                a.testMode(), a.disabled(), null,
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
