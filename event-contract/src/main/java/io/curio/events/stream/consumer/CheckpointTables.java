package io.curio.events.stream.consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates the checkpoint and shard lock tables of the stream consumer unless they exist, so that a
 * service needs nothing but its datasource. Same layout as Spring Integration's JDBC metadata store
 * and lock repository, under the prefix {@code CURIO_STREAM_}.
 */
public final class CheckpointTables {

    private final JdbcTemplate jdbc;

    private final StreamConsumerProperties properties;

    public CheckpointTables(JdbcTemplate jdbc, StreamConsumerProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Runs the idempotent DDL; safe to call from several instances at once. */
    public void create() {
        String prefix = this.properties.tablePrefix();
        if (this.properties.hasSchema()) {
            this.jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + this.properties.schema());
        }
        this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + prefix + "METADATA_STORE ("
                + "METADATA_KEY VARCHAR(255) NOT NULL, METADATA_VALUE VARCHAR(4000), REGION VARCHAR(100) NOT NULL, "
                + "PRIMARY KEY (METADATA_KEY, REGION))");
        this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + prefix + "LOCK ("
                + "LOCK_KEY CHAR(36) NOT NULL, REGION VARCHAR(100) NOT NULL, CLIENT_ID CHAR(36), "
                + "CREATED_DATE TIMESTAMP NOT NULL, EXPIRED_AFTER TIMESTAMP NOT NULL, PRIMARY KEY (LOCK_KEY, REGION))");
    }

}
