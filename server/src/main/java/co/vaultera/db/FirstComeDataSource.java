package co.vaultera.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out a pool's connections in the order they were asked for. HikariCP lets a thread that asks while a
 * connection is being returned take it ahead of the threads already waiting: harmless under light load, but with
 * 1,500 requests queued for 32 connections (bench/payments.sh, part 2) some waited 10 s while others passed at
 * once, and the clients gave up on them. A fair semaphore with one permit per pooled connection queues callers
 * first come, first served in front of the pool, so a queue costs everyone about the same wait.
 *
 * <p>A permit is held from {@link #getConnection()} until the connection's {@code close()}.
 */
public final class FirstComeDataSource extends DelegatingDataSource implements AutoCloseable {

    private final Semaphore permits;
    private final long timeoutNanos;

    /**
     * @param pool        the pool; no caller may take connections from it except through this data source
     * @param connections the pool's maximum size
     * @param timeout     how long a caller waits for its turn before getting an {@link SQLException}
     */
    public FirstComeDataSource(DataSource pool, int connections, Duration timeout) {
        super(pool);
        this.permits = new Semaphore(connections, true);
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        acquire();
        try {
            return releasingOnClose(super.getConnection());
        } catch (SQLException | RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    /** How many callers wait for a connection now (the pool's own "pending" count stays 0: they queue here). */
    public int waiting() {
        return permits.getQueueLength();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("connections of this pool are not per user");
    }

    private void acquire() throws SQLException {
        try {
            if (!permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new SQLTransientConnectionException("No database connection free within "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a database connection", e);
        }
    }

    private Connection releasingOnClose(Connection connection) {
        AtomicBoolean released = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        try {
                            connection.close();
                        } finally {
                            if (released.compareAndSet(false, true)) {
                                permits.release();
                            }
                        }
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> {
                        try {
                            yield method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    /** Closes the pool behind (at shutdown). */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
