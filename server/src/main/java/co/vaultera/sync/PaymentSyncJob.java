package co.vaultera.sync;

import co.vaultera.merchant.MerchantService;
import co.vaultera.payment.PaymentRepository;
import co.vaultera.payment.PaymentRepository.DueAttempt;
import co.vaultera.payment.PaymentSync;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles attempts whose outcome the switch did not hear (timeouts, 5xx, a crash mid-call, unfinished 3DS) by
 * asking the processor. Any number of nodes may run it: each claims due attempts with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so no two nodes ask about the same attempt at once.
 */
@Component
public class PaymentSyncJob {

    private static final Logger log = LoggerFactory.getLogger(PaymentSyncJob.class);
    private static final int BATCH = 50;

    private final PaymentRepository payments;
    private final PaymentSync sync;
    private final MerchantService merchants;
    private final Duration lease;

    public PaymentSyncJob(PaymentRepository payments, PaymentSync sync, MerchantService merchants,
                          @Value("${switch.sync.lease:120s}") Duration lease) {
        this.payments = payments;
        this.sync = sync;
        this.merchants = merchants;
        this.lease = lease;
    }

    @Scheduled(initialDelayString = "${switch.sync.poll-interval:5s}", fixedDelayString = "${switch.sync.poll-interval:5s}")
    public void run() {
        List<DueAttempt> due = payments.claimDue(BATCH, Instant.now().plus(lease));
        for (DueAttempt d : due) {
            try {
                merchants.context(d.merchantId())
                        .ifPresent(m -> sync.syncDue(m, d));
            } catch (RuntimeException e) {
                // One bad attempt must not starve the others; its lease expires and it is tried again.
                log.warn("sync of attempt {} failed: {}", d.attemptId(), e.toString());
            }
        }
    }
}
