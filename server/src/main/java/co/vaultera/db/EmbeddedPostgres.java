package co.vaultera.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose data lives in a folder of ours, started and stopped with the application.
 *
 * <p>The binaries come from zonky's platform packages. We run them ourselves instead of through zonky's launcher
 * because PostgreSQL refuses to run as root, and CI and many containers run as root: when we are root, every
 * PostgreSQL command runs inside a fresh user namespace ({@code unshare -U}) where it is not root, while the files
 * it writes still belong to us outside.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String SUPERUSER = "postgres";

    private final Path binDir;
    private final Path dataDir;
    private final int port;

    private EmbeddedPostgres(Path binDir, Path dataDir, int port) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts (creating if needed) the database cluster in {@code dataDir}. */
    public static EmbeddedPostgres start(Path dataDir, boolean durable) {
        try {
            Path absolute = dataDir.toAbsolutePath().normalize();
            Path binDir = extractBinaries(absolute.getParent().resolve("pg-bin"));
            EmbeddedPostgres pg = new EmbeddedPostgres(binDir, absolute, freePort());
            pg.initIfNeeded();
            pg.stopLeftoverServer();
            pg.startServer(durable);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** Creates the application database unless it already exists. */
    public void createDatabaseIfMissing(String database) {
        try (var conn = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             var exists = conn.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = conn.createStatement()) {
                    create.execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), 60);
        log.info("embedded PostgreSQL stopped");
    }

    private void initIfNeeded() throws IOException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        log.info("initialising embedded PostgreSQL in {}", dataDir);
        run(List.of(bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", dataDir.toString(), "-E", "UTF-8",
                "--locale=C"), 120);
    }

    /** A server left running by a killed JVM still holds the data dir; stop it before starting ours. */
    private void stopLeftoverServer() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            log.warn("found postmaster.pid in {}: stopping a leftover server first", dataDir);
            runQuietly(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
        }
    }

    private void startServer(boolean durable) {
        List<String> options = new ArrayList<>(List.of(
                "-p " + port,
                "-c listen_addresses=localhost",
                "-c unix_socket_directories=''",
                "-c max_connections=300",
                "-c shared_buffers=128MB",
                // Statements are prepared once per connection and PostgreSQL keeps their generic plans until a
                // table's statistics change. Planned on a new, still empty table, point lookups by primary key
                // picked a secondary index on merchant_id alone and read every payment of the merchant, each call
                // slower than the last until autovacuum's first ANALYZE (checked once a minute by default).
                // Checking every 10 s bounds that to the first seconds of a new database.
                "-c autovacuum_naptime=10s"));
        if (!durable) {
            options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
        }
        Path logFile = dataDir.resolve("server.log");
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", "120",
                "-o", String.join(" ", options), "start"), 150);
        log.info("embedded PostgreSQL listening on localhost:{} (data in {})", port, dataDir);
    }

    private String bin(String name) {
        return binDir.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(asUnprivileged(command)).redirectErrorStream(true).start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes());
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + process.exitValue() + "): "
                        + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private void runQuietly(List<String> command) {
        try {
            run(command, 60);
        } catch (RuntimeException e) {
            log.debug("ignored: {}", e.getMessage());
        }
    }

    private static List<String> asUnprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--user"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Path extractBinaries(Path target) throws IOException {
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm_64" : "x86_64";
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "pg-bin-");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch);
             var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = staging.resolve(entry.getName()).normalize();
                if (!file.startsWith(staging)) {
                    throw new IOException("archive entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    if ((entry.getMode() & 0100) != 0) {
                        file.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        try {
            Files.move(staging, target);
        } catch (IOException raceLost) {
            // Another process extracted the same binaries first; theirs are as good as ours.
            deleteRecursively(staging);
        }
        return target;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
