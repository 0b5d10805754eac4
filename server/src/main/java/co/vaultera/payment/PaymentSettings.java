package co.vaultera.payment;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Timings and addresses of the payment flow. The sync schedule defaults to the reference's: a first look 60 s
 * after an outcome stayed unknown, then every 300 s, six looks in all.
 */
@Component
public class PaymentSettings {

    /**
     * The {@code next_sync_at} of an attempt or refund still waiting for its processor after its last scheduled
     * sync: never due for the sync job, and found by the next start ({@code StartupResync}) through the index of
     * scheduled syncs, where a {@code null} would have cost that start a scan of the whole table.
     */
    public static final Instant SYNC_PARKED = Instant.parse("9999-12-31T00:00:00Z");

    private final Environment env;
    private final String publicBaseUrl;
    /** The server's own address once its port is known; looked up once (an Environment lookup is not cheap). */
    private volatile String ownBaseUrl;
    private final Duration firstSyncDelay;
    private final Duration syncRetryInterval;
    private final Duration reviewInterval;
    private final int maxSyncs;
    private final Duration connectorTimeout;

    public PaymentSettings(Environment env,
                           @Value("${switch.connector.timeout:30s}") Duration connectorTimeout,
                           @Value("${switch.public-base-url:}") String publicBaseUrl,
                           @Value("${switch.sync.first-delay:60s}") Duration firstSyncDelay,
                           @Value("${switch.sync.retry-interval:300s}") Duration syncRetryInterval,
                           @Value("${switch.sync.max-attempts:6}") int maxSyncs,
                           @Value("${switch.sync.review-interval:1h}") Duration reviewInterval) {
        this.env = env;
        this.publicBaseUrl = publicBaseUrl;
        this.firstSyncDelay = firstSyncDelay;
        this.syncRetryInterval = syncRetryInterval;
        this.reviewInterval = reviewInterval;
        this.maxSyncs = maxSyncs;
        this.connectorTimeout = connectorTimeout;
    }

    /**
     * When to first look at an operation recorded just before its processor call: only once that call has had
     * its full timeout, so the sync never races the call it backs up.
     */
    public Instant firstSyncForCallStartingNow() {
        return Instant.now().plus(connectorTimeout).plus(firstSyncDelay);
    }

    /** Where shoppers' browsers reach this switch; by default this server's own address. */
    public String publicBaseUrl() {
        if (!publicBaseUrl.isBlank()) {
            return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                    : publicBaseUrl;
        }
        String own = ownBaseUrl;
        if (own == null) {
            String port = env.getProperty("local.server.port");
            own = "http://localhost:" + (port != null ? port : env.getProperty("server.port", "8080"));
            if (port != null) {
                ownBaseUrl = own;
            }
        }
        return own;
    }

    /** The page that starts a shopper's redirect step: {@code next_action.redirect_to_url}. */
    public String redirectStartUrl(String paymentId, String merchantId, String attemptId) {
        return publicBaseUrl() + "/payments/redirect/" + paymentId + "/" + merchantId + "/" + attemptId;
    }

    /** Where the processor sends the shopper back after the redirect step. */
    public String redirectReturnUrl(String paymentId, String merchantId, String connector) {
        return publicBaseUrl() + "/payments/" + paymentId + "/" + merchantId + "/redirect/response/" + connector;
    }

    /**
     * When the sync job should next look at an attempt or refund still waiting for its processor, after
     * {@code syncsSoFar} looks: {@code firstSyncDelay} for the first look at an unknown outcome, else
     * {@code syncRetryInterval}; {@link #SYNC_PARKED} once the scheduled looks are used up.
     */
    public Instant nextSync(int syncsSoFar, boolean firstLookAtUnknownOutcome) {
        if (syncsSoFar >= maxSyncs) {
            return SYNC_PARKED;
        }
        return Instant.now().plus(firstLookAtUnknownOutcome ? firstSyncDelay : syncRetryInterval);
    }

    /**
     * When to look again at a refund the processor holds for manual review: every {@code reviewInterval}, with no
     * end (a review takes hours or days, longer than the scheduled looks at an unknown outcome last).
     */
    public Instant nextReviewLook() {
        return Instant.now().plus(reviewInterval);
    }

    public int maxSyncs() {
        return maxSyncs;
    }
}
