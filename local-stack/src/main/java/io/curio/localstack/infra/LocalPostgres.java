package io.curio.localstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The stack's PostgreSQL: the server on 127.0.0.1:5432 when one answers, otherwise an embedded one with its data
 * in a folder that outlives restarts. Either way the stack's database exists once this returns.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final int DEFAULT_PORT = 5432;

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres embedded;

    private final int port;

    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres embedded, int port, Path dataDir) {
        this.embedded = embedded;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Uses the running server or starts an embedded one, then creates the database unless it exists.
     * @param dataDir the embedded server's data folder
     * @param embeddedPort the embedded server's port
     * @param database the stack's database
     * @param log where the embedded server's output goes
     */
    public static LocalPostgres existingOrEmbedded(Path dataDir, int embeddedPort, String database, Path log) {
        return existingOrEmbedded(DEFAULT_PORT, dataDir, embeddedPort, database, log);
    }

    /** As {@link #existingOrEmbedded(Path, int, String, Path)}, looking for a running server on another port. */
    static LocalPostgres existingOrEmbedded(int existingPort, Path dataDir, int embeddedPort, String database,
            Path log) {
        requireValidName(database);
        LocalPostgres postgres = FreePorts.isListening(existingPort) ? new LocalPostgres(null, existingPort, null)
                : startEmbedded(dataDir, embeddedPort, log);
        postgres.createDatabase(database);
        return postgres;
    }

    /** Fails unless the name is a plain lower-case PostgreSQL identifier. */
    public static String requireValidName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _, was '"
                    + database + "'");
        }
        return database;
    }

    /** Drops the database on a server at the port, closing its connections first. */
    public static void dropDatabase(int port, String database) {
        requireValidName(database);
        try (Connection connection = connect(port, "postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        catch (SQLException ex) {
            throw new InfrastructureException("cannot drop database " + database + " on port " + port, ex);
        }
    }

    /** How many sessions are connected to the database on the server at the port. */
    public static int sessions(int port, String database) {
        requireValidName(database);
        try (Connection connection = connect(port, "postgres");
                PreparedStatement query = connection
                    .prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
        catch (SQLException ex) {
            throw new InfrastructureException("cannot count sessions of database " + database + " on port " + port,
                    ex);
        }
    }

    /** Whether a database of that name answers a query on the port. */
    public static boolean answers(int port, String database) {
        try (Connection connection = connect(port, database); Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        }
        catch (SQLException ex) {
            return false;
        }
    }

    public int port() {
        return this.port;
    }

    public boolean embedded() {
        return this.embedded != null;
    }

    /** The embedded server's postmaster, as its data folder records it. */
    public OptionalLong postmasterPid() {
        if (this.dataDir == null) {
            return OptionalLong.empty();
        }
        try {
            String first = Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim();
            return OptionalLong.of(Long.parseLong(first));
        }
        catch (IOException | RuntimeException ex) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        if (this.embedded == null) {
            return;
        }
        OptionalLong postmaster = postmasterPid();
        try {
            this.embedded.close();
        }
        catch (IOException ex) {
            throw new InfrastructureException("embedded PostgreSQL did not stop cleanly", ex);
        }
        postmaster.ifPresent(LocalPostgres::awaitExit);
    }

    /** pg_ctl returns before the postmaster is gone; wait, so that nothing outlives this process. */
    private static void awaitExit(long pid) {
        ProcessHandle.of(pid).ifPresent((process) -> {
            try {
                process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            catch (TimeoutException | ExecutionException ex) {
                throw new InfrastructureException("embedded PostgreSQL (pid " + pid + ") did not exit within "
                        + STOP_TIMEOUT.toSeconds() + " s", ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static LocalPostgres startEmbedded(Path dataDir, int port, Path log) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
            return new LocalPostgres(embedded, port, dataDir);
        }
        catch (IOException ex) {
            throw new InfrastructureException("embedded PostgreSQL did not start on port " + port, ex);
        }
    }

    private void createDatabase(String database) {
        try (Connection connection = connect(this.port, "postgres")) {
            if (!exists(connection, database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        }
        catch (SQLException ex) {
            throw new InfrastructureException("cannot create database " + database + " on port " + this.port
                    + " as user postgres", ex);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

}
