package co.vaultera.sync;

import co.vaultera.merchant.MerchantService;
import co.vaultera.refund.RefundRepository;
import co.vaultera.refund.RefundRepository.Due;
import co.vaultera.refund.RefundService;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Settles undecided refunds (pending, review) by asking the processor; claims work like {@link PaymentSyncJob}. */
@Component
public class RefundSyncJob {

    private static final Logger log = LoggerFactory.getLogger(RefundSyncJob.class);

    private final RefundRepository refunds;
    private final RefundService service;
    private final MerchantService merchants;
    private final Duration lease;

    public RefundSyncJob(RefundRepository refunds, RefundService service, MerchantService merchants,
                         @Value("${switch.sync.lease:120s}") Duration lease) {
        this.refunds = refunds;
        this.service = service;
        this.merchants = merchants;
        this.lease = lease;
    }

    @Scheduled(initialDelayString = "${switch.sync.poll-interval:5s}", fixedDelayString = "${switch.sync.poll-interval:5s}")
    public void run() {
        for (Due d : refunds.claimDue(50, Instant.now().plus(lease))) {
            try {
                merchants.context(d.merchantId()).ifPresent(m -> service.sync(m, d.refundId(), true));
            } catch (RuntimeException e) {
                log.warn("sync of refund {} failed: {}", d.refundId(), e.toString());
            }
        }
    }
}
