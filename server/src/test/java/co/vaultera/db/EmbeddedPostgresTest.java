package co.vaultera.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {

    @Test
    void dataSurvivesAStopAndAStartInTheSameFolder() throws Exception {
        Path target = Files.createDirectories(Path.of("target"));
        Path dataDir = Files.createTempDirectory(target.toAbsolutePath(), "pg-restart-").resolve("postgres");

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir, false)) {
            pg.createDatabaseIfMissing("restart_check");
            try (var conn = DriverManager.getConnection(pg.jdbcUrl("restart_check"), pg.username(), "");
                 var st = conn.createStatement()) {
                st.execute("create table kept (v text)");
                st.execute("insert into kept values ('still here')");
            }
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir, false);
             var conn = DriverManager.getConnection(pg.jdbcUrl("restart_check"), pg.username(), "");
             var rs = conn.createStatement().executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    /**
     * New tables get statistics, and prepared statements get plans that fit them, within seconds (see
     * EmbeddedPostgres.startServer).
     */
    @Test
    void theServerLooksForTablesToAnalyzeEveryTenSeconds() throws Exception {
        Path target = Files.createDirectories(Path.of("target"));
        Path dataDir = Files.createTempDirectory(target.toAbsolutePath(), "pg-settings-").resolve("postgres");

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir, false);
             var conn = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.username(), "");
             var rs = conn.createStatement().executeQuery("show autovacuum_naptime")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("10s");
        }
    }
}
