package co.vaultera.idempotency;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes Idempotency-Key records past their retention (default 24 h). */
@Component
public class IdempotencyPurgeJob {

    private final IdempotencyRepository keys;
    private final Duration retention;

    public IdempotencyPurgeJob(IdempotencyRepository keys,
                               @Value("${switch.idempotency.retention:24h}") Duration retention) {
        this.keys = keys;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${switch.idempotency.purge-interval:1h}", initialDelayString = "1m")
    public void purge() {
        keys.purgeOlderThan(Instant.now().minus(retention));
    }
}
