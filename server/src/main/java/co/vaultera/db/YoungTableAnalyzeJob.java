package co.vaultera.db;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Analyzes each of the switch's tables whenever the rows changed since its last ANALYZE reach its size (at least
 * {@value #MIN_CHANGES}): while a table is young and doubles within seconds, that is far sooner than autovacuum,
 * which looks once a minute; once it is large, autovacuum's own rule (a tenth of the rows) always comes first and
 * this job has nothing to do. The check is one read of the statistics views per interval.
 *
 * <p>Why: the JDBC driver prepares the hot statements on the server, and PostgreSQL keeps a prepared statement's
 * generic plan until the table's statistics change. Planned while a table was empty, a lookup such as
 * {@code where merchant_id = ? and payment_id = ?} ties between the primary key and an index that starts with
 * {@code merchant_id} alone, and may get the latter (planned on a handful of rows, a sequential scan): then every
 * lookup reads all the merchant's rows, and a new installation slows down with each payment until autovacuum's first
 * ANALYZE replans it (measured at 8 concurrent payments: 163 -> 64 payments/s over 80 s, then ~540).
 */
@Component
public class YoungTableAnalyzeJob {

    private static final Logger log = LoggerFactory.getLogger(YoungTableAnalyzeJob.class);
    static final int MIN_CHANGES = 50;

    private final JdbcClient jdbc;
    private volatile boolean allowed = true;

    public YoungTableAnalyzeJob(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelayString = "${switch.db.analyze-interval:5s}",
            fixedDelayString = "${switch.db.analyze-interval:5s}")
    public void run() {
        if (!allowed) {
            return;
        }
        try {
            analyzeGrownTables();
        } catch (DataAccessException e) {
            // An external database may not let this role analyze; autovacuum still will, only later.
            allowed = false;
            log.warn("cannot analyze the switch's tables ({}); leaving it to autovacuum", e.getMessage());
        }
    }

    /**
     * Analyzes the tables of the current schema whose changes since their last ANALYZE reach their size; returns
     * them. A table never analyzed has a size of -1, so it qualifies with {@value #MIN_CHANGES} rows.
     */
    List<String> analyzeGrownTables() {
        List<String> tables = jdbc.sql("""
                        select quote_ident(s.relname)
                          from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                         where s.schemaname = current_schema()
                           and s.n_mod_since_analyze >= greatest(:min, c.reltuples)""")
                .param("min", MIN_CHANGES).query(String.class).list();
        for (String table : tables) {
            // While autovacuum works on the table, skip it rather than wait; the next round tries again.
            jdbc.sql("analyze (skip_locked) " + table).update();
        }
        if (!tables.isEmpty()) {
            log.debug("analyzed {}", tables);
        }
        return tables;
    }
}
