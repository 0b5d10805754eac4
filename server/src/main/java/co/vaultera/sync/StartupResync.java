package co.vaultera.sync;

import co.vaultera.payment.PaymentRepository;
import co.vaultera.refund.RefundRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * On every start, puts back on the sync schedule the payment attempts that still wait for their processor, and the
 * refunds the processor has not decided ({@code pending}, {@code review}), that are no longer scheduled: their last
 * scheduled sync ({@code switch.sync.max-attempts}) found no decision. Without this they would stay
 * {@code processing} / {@code pending} / {@code review} for good, restart or not,
 * unless a merchant asked for {@code force_sync}; a restart is the moment to look again (the processor, or the
 * network to it, may be back). Each gets one more look per start, by {@link PaymentSyncJob} or
 * {@link RefundSyncJob}, which claim them like any other due row.
 *
 * <p>Attempts and refunds whose call is in flight are untouched: they are written with a sync already due before
 * the call.
 */
@Component
public class StartupResync {

    private static final Logger log = LoggerFactory.getLogger(StartupResync.class);

    private final PaymentRepository payments;
    private final RefundRepository refunds;

    public StartupResync(PaymentRepository payments, RefundRepository refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        try {
            rescheduleUnsettledAttempts();
            rescheduleUnsettledRefunds();
        } catch (DataAccessException e) {
            // The server can still take payments; these wait for the next start or a force_sync.
            log.error("could not reschedule the syncs of unsettled payment attempts or refunds: {}", e.toString());
        }
    }

    /** Makes every unscheduled attempt still awaiting its processor due for sync now, of every merchant. */
    public int rescheduleUnsettledAttempts() {
        int count = payments.rescheduleUnscheduledSyncs();
        log.info("{} payment attempt(s) still awaiting the processor after their last scheduled sync are due for "
                + "sync again", count);
        return count;
    }

    /** Makes every unscheduled undecided refund due for sync now, of every merchant. */
    public int rescheduleUnsettledRefunds() {
        int count = refunds.rescheduleUnscheduledSyncs();
        log.info("{} refund(s) still undecided after their last scheduled sync are due for sync again", count);
        return count;
    }
}
