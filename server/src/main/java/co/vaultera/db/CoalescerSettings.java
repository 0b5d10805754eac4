package co.vaultera.db;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far concurrent single-row statements are combined ({@link Coalescer}): at most {@code switch.db.batch-max-rows}
 * calls per statement, at most {@code switch.db.batch-max-running} such statements of one kind at a time (default:
 * one per core, at least 2). More running batches use more of the database's cores and overlap one commit's wait
 * with the next statement; fewer make bigger batches, i.e. less work per row. On the 2-core development VM, 2 beat
 * 1 and 4 on customer creates and retrieves alike (bench/README.md). {@code batch-max-rows=1} turns coalescing off.
 */
@Component
public class CoalescerSettings {

    /**
     * The coalesced statements of a payment, one after another: its insert and its outcome (routing reads a cached
     * copy of the merchant's connector accounts; until 176622a it was a third coalesced read).
     */
    public static final int PAYMENT_STATEMENTS = 2;

    private final int maxRows;
    private final int maxRunning;

    public CoalescerSettings(@Value("${switch.db.batch-max-rows:32}") int maxRows,
                             @Value("${switch.db.batch-max-running:0}") int maxRunning) {
        this.maxRows = maxRows;
        this.maxRunning = maxRunning > 0 ? maxRunning : Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** A coalescer for a request that runs one coalesced statement (a customer create or retrieve). */
    public <I, R> Coalescer<I, R> coalescer(Coalescer.Batch<I, R> batch) {
        return coalescer(batch, 1);
    }

    /**
     * A coalescer for one of {@code statementsPerRequest} coalesced statements that each request of a flow runs one
     * after another (a payment: its insert, its outcome). They share the running budget: with
     * each kind at the full budget, a flow of three kept up to three times as many statements running as there are
     * cores, in smaller batches; one batch of each kind at a time made payments 10-20 % faster at 8 and 32
     * concurrent on the 2-core VM, while customers (one kind) lost as much with one instead of two.
     */
    public <I, R> Coalescer<I, R> coalescer(Coalescer.Batch<I, R> batch, int statementsPerRequest) {
        return new Coalescer<>(batch, maxRows, Math.max(1, maxRunning / statementsPerRequest));
    }
}
