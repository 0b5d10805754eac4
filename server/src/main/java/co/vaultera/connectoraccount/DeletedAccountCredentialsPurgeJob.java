package co.vaultera.connectoraccount;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases a deleted connector account's credentials and webhook secret once nothing made on it waits for its
 * processor. A delete keeps them at first: a shopper may still finish a 3DS challenge, a timed-out charge or a
 * refund in review may still need asking, and only those credentials can ask. After that they are a secret kept
 * for nobody, so they go (every {@code switch.connector.purge-interval}, default 10 minutes, for accounts deleted
 * at least {@code switch.connector.purge-grace} ago, default 10 minutes). A 3DS challenge the shopper abandons
 * keeps them until the processor gives up on it (the simulator after 15 minutes) and the sync job records that.
 */
@Component
public class DeletedAccountCredentialsPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(DeletedAccountCredentialsPurgeJob.class);

    private final ConnectorAccountRepository accounts;
    private final Duration grace;

    public DeletedAccountCredentialsPurgeJob(ConnectorAccountRepository accounts,
                                             @Value("${switch.connector.purge-grace:10m}") Duration grace) {
        this.accounts = accounts;
        this.grace = grace;
    }

    /** Answers how many accounts' credentials it erased. */
    @Scheduled(initialDelayString = "${switch.connector.purge-interval:10m}",
            fixedDelayString = "${switch.connector.purge-interval:10m}")
    public int purge() {
        int erased = accounts.eraseCredentialsOfSettledDeleted(grace);
        if (erased > 0) {
            log.info("erased the credentials of {} deleted connector account(s): nothing made on them is left to "
                    + "settle", erased);
        }
        return erased;
    }
}
