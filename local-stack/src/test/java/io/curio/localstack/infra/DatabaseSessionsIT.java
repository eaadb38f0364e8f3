package io.curio.localstack.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting and dropping a stack's database on the PostgreSQL server that runs on loopback, which is how
 * up tells a leftover database from one a running stack uses.
 */
class DatabaseSessionsIT {

    private static final String DATABASE = "curio_sessions_it";

    @BeforeEach
    void createDatabase() throws Exception {
        LocalPostgres.dropDatabase(LocalPostgres.DEFAULT_PORT, DATABASE);
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @AfterEach
    void dropDatabase() {
        LocalPostgres.dropDatabase(LocalPostgres.DEFAULT_PORT, DATABASE);
    }

    @Test
    void countsTheSessionsConnectedToADatabase() throws Exception {
        assertThat(LocalPostgres.sessions(LocalPostgres.DEFAULT_PORT, DATABASE)).isZero();

        try (Connection session = connect(DATABASE)) {
            assertThat(LocalPostgres.sessions(LocalPostgres.DEFAULT_PORT, DATABASE)).isEqualTo(1);
        }
    }

    @Test
    void dropsAnIdleDatabase() {
        LocalPostgres.dropDatabase(LocalPostgres.DEFAULT_PORT, DATABASE);

        assertThat(LocalPostgres.answers(LocalPostgres.DEFAULT_PORT, DATABASE)).isFalse();
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

}
