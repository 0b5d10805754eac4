package co.vaultera.db;

import co.vaultera.config.SwitchProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One pool to one PostgreSQL: the external one when {@code SWITCH_DATABASE_URL} is set, else an embedded server
 * whose data is kept in {@code SWITCH_DATA_DIR/postgres}.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfig {

    static final String EMBEDDED_DATABASE = "vaultera";

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(SwitchProperties props) {
        if (props.database().external()) {
            return new EmbeddedPostgresHolder(null);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.start(props.dataDir().resolve("postgres"), props.embedded().durable());
        pg.createDatabaseIfMissing(EMBEDDED_DATABASE);
        return new EmbeddedPostgresHolder(pg);
    }

    /** The pool, behind a first-come-first-served queue (see {@link FirstComeDataSource} for why). */
    @Bean(destroyMethod = "close")
    FirstComeDataSource dataSource(SwitchProperties props, ObjectProvider<EmbeddedPostgresHolder> embedded) {
        HikariConfig config = new HikariConfig();
        SwitchProperties.Database db = props.database();
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.username());
            config.setPassword(db.password());
        } else {
            EmbeddedPostgres pg = embedded.getObject().server();
            config.setJdbcUrl(pg.jdbcUrl(EMBEDDED_DATABASE));
            config.setUsername(pg.username());
        }
        config.setPoolName("switch-db");
        config.setMaximumPoolSize(db.maxPoolSize());
        config.setMinimumIdle(Math.min(4, db.maxPoolSize()));
        // Statements are prepared server-side after the first use; saves parse/plan on the hot paths.
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new FirstComeDataSource(new HikariDataSource(config), db.maxPoolSize(),
                Duration.ofMillis(config.getConnectionTimeout()));
    }

    @Bean
    MeterBinder connectionQueueGauge(FirstComeDataSource dataSource) {
        return meters -> Gauge.builder("switch.db.connections.waiting", dataSource, FirstComeDataSource::waiting)
                .description("Callers queued for a database connection").register(meters);
    }

    /** Lets the external-database mode have no embedded server while keeping one bean to order shutdown by. */
    public record EmbeddedPostgresHolder(EmbeddedPostgres server) implements AutoCloseable {

        public boolean embedded() {
            return server != null;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
