package co.vaultera.db;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class YoungTableAnalyzeJobIT extends ApiTestSupport {

    // A copy of payment_intent with its indexes, so the shared test tables are left as they are.
    private final String table = "fresh_intent_" + ProcessHandle.current().pid();

    @Autowired
    DataSource dataSource;

    @Autowired
    YoungTableAnalyzeJob job;

    @AfterEach
    void dropTable() {
        jdbc.sql("drop table if exists " + table).update();
    }

    @Test
    void aLookupPlannedOnANewTableUsesThePrimaryKeyOnceTheTableHasRows() throws Exception {
        createTable();
        try (Connection session = dataSource.getConnection(); Statement sql = session.createStatement()) {
            sql.execute("set plan_cache_mode = force_generic_plan");
            sql.execute("prepare lookup(text, text) as select status from " + table
                    + " where merchant_id = $1 and payment_id = $2 for update");
            String before = plan(sql);

            insertPayments(1, 2000);
            awaitChanges(2000);
            assertThat(job.analyzeGrownTables()).contains(table);

            // Planned on the empty table, the lookup may use an index with merchant_id alone (the reason for the
            // job); after the table's first statistics the same prepared statement goes by the primary key.
            assertThat(plan(sql)).as("plan before: %s", before)
                    .contains(table + "_pkey").contains("payment_id = $2").doesNotContain("Filter");
        }
    }

    @Test
    void aTableIsAnalyzedAgainEachTimeItHasDoubled() throws Exception {
        createTable();
        insertPayments(1, YoungTableAnalyzeJob.MIN_CHANGES - 1);
        awaitChanges(YoungTableAnalyzeJob.MIN_CHANGES - 1);
        assertThat(job.analyzeGrownTables()).as("fewer rows than the minimum").doesNotContain(table);

        insertPayments(YoungTableAnalyzeJob.MIN_CHANGES, 300);
        awaitChanges(300);
        assertThat(job.analyzeGrownTables()).as("never analyzed, 300 rows").contains(table);

        insertPayments(301, 550);
        awaitChanges(250);
        assertThat(job.analyzeGrownTables()).as("250 changes on 300 rows").doesNotContain(table);

        insertPayments(551, 600);
        awaitChanges(300);
        assertThat(job.analyzeGrownTables()).as("300 changes on 300 rows").contains(table);
    }

    /** Autovacuum left out, so only the job analyzes it. */
    private void createTable() {
        jdbc.sql("create table " + table + " (like payment_intent including all) with (autovacuum_enabled = false)")
                .update();
    }

    private String plan(Statement sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("explain execute lookup('m_1', 'pay_1')")) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private void insertPayments(int from, int to) {
        jdbc.sql("insert into " + table + " (merchant_id, payment_id, status, amount, currency, capture_method,"
                        + " authentication_type, client_secret, profile_id, created_at, modified_at, session_expiry)"
                        + " select 'm_1', 'pay_' || n, 'processing', 100, 'USD', 'automatic', 'no_three_ds',"
                        + " 'secret_' || n, 'pro_1', now(), now(), now() + interval '15 minutes'"
                        + " from generate_series(:from, :to) n")
                .param("from", from).param("to", to).update();
    }

    /** The statistics views count changes (and an ANALYZE's reset of them) a moment after the fact. */
    private void awaitChanges(int changes) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Long counted = jdbc.sql("select n_mod_since_analyze from pg_stat_user_tables where relname = :t")
                    .param("t", table).query(Long.class).optional().orElse(0L);
            if (counted == changes) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("pg_stat_user_tables did not count the changes of " + table);
    }
}
