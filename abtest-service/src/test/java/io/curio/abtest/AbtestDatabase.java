package io.curio.abtest;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The integration tests' view of the real PostgreSQL schema {@code abtest} in the database {@code test}.
 */
public final class AbtestDatabase {

    private AbtestDatabase() {
    }

    public static void empty(JdbcClient jdbc) {
        jdbc.sql("truncate abtest.click, abtest.outcome, abtest.impression, abtest.audit_entry, "
                + "abtest.experiment_variant, abtest.experiment").update();
    }

    public static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from abtest." + table).query(Integer.class).single();
    }

}
