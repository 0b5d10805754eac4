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

    private final int maxRows;
    private final int maxRunning;

    public CoalescerSettings(@Value("${switch.db.batch-max-rows:32}") int maxRows,
                             @Value("${switch.db.batch-max-running:0}") int maxRunning) {
        this.maxRows = maxRows;
        this.maxRunning = maxRunning > 0 ? maxRunning : Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    public <I, R> Coalescer<I, R> coalescer(Coalescer.Batch<I, R> batch) {
        return new Coalescer<>(batch, maxRows, maxRunning);
    }
}
