package co.vaultera.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class FirstComeDataSourceTest {

    /** A pool that hands out numbered connections, counts closes and fails while {@code failing} is set. */
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile boolean failing;

    private final DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                if (!method.getName().equals("getConnection")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                if (failing) {
                    throw new SQLException("database down");
                }
                String name = "connection " + opened.incrementAndGet();
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (c, m, a) -> switch (m.getName()) {
                            case "close" -> {
                                closed.incrementAndGet();
                                yield null;
                            }
                            case "getSchema" -> name;
                            default -> throw new UnsupportedOperationException(m.getName());
                        });
            });

    @Test
    void callersQueuedForTheLastConnectionGetItInTheOrderTheyAsked() throws Exception {
        FirstComeDataSource gate = new FirstComeDataSource(pool, 1, Duration.ofSeconds(10));
        Connection held = gate.getConnection();
        List<String> served = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new java.util.ArrayList<>();
        for (String caller : List.of("first", "second", "third")) {
            Thread waiter = Thread.ofVirtual().start(() -> {
                try (Connection c = gate.getConnection()) {
                    served.add(caller);
                } catch (SQLException e) {
                    served.add(caller + " failed");
                }
            });
            waiters.add(waiter);
            awaitWaiting(gate, waiters.size());
        }

        held.close();
        for (Thread waiter : waiters) {
            waiter.join(10_000);
        }

        assertThat(served).containsExactly("first", "second", "third");
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aNewcomerDoesNotTakeAFreedConnectionAheadOfTheCallersAlreadyWaiting() throws Exception {
        FirstComeDataSource gate = new FirstComeDataSource(pool, 1, Duration.ofSeconds(10));
        Connection held = gate.getConnection();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try (Connection c = gate.getConnection()) {
                served.add("waiting caller");
            } catch (SQLException e) {
                served.add("waiting caller failed");
            }
        });
        awaitWaiting(gate, 1);

        held.close();
        try (Connection c = gate.getConnection()) {
            served.add("newcomer");
        }
        waiter.join(10_000);

        assertThat(served).containsExactly("waiting caller", "newcomer");
    }

    @Test
    void aCallerWhoseTurnDoesNotComeWithinTheTimeoutGetsATransientError() throws Exception {
        FirstComeDataSource gate = new FirstComeDataSource(pool, 1, Duration.ofMillis(100));
        try (Connection held = gate.getConnection()) {
            assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("100 ms");
        }
        assertThat(opened).hasValue(1);
    }

    @Test
    void closingAConnectionTwiceGivesBackOneTurn() throws Exception {
        FirstComeDataSource gate = new FirstComeDataSource(pool, 1, Duration.ofMillis(100));
        Connection c = gate.getConnection();
        c.close();
        c.close();

        Connection next = gate.getConnection();
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        next.close();
        assertThat(closed).hasValue(3);
    }

    @Test
    void aConnectionThePoolFailedToGiveDoesNotKeepItsTurn() throws Exception {
        FirstComeDataSource gate = new FirstComeDataSource(pool, 1, Duration.ofMillis(100));
        failing = true;
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLException.class).hasMessage("database down");
        failing = false;

        try (Connection c = gate.getConnection()) {
            assertThat(c.getSchema()).isEqualTo("connection 1");
        }
    }

    @Test
    void callsOtherThanCloseReachThePoolsConnection() throws Exception {
        FirstComeDataSource gate = new FirstComeDataSource(pool, 2, Duration.ofSeconds(1));
        try (Connection a = gate.getConnection(); Connection b = gate.getConnection()) {
            assertThat(a.getSchema()).isEqualTo("connection 1");
            assertThat(b.getSchema()).isEqualTo("connection 2");
            assertThat(a).isEqualTo(a).isNotEqualTo(b);
        }
    }

    private static void awaitWaiting(FirstComeDataSource gate, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gate.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(gate.waiting()).isEqualTo(count);
    }
}
