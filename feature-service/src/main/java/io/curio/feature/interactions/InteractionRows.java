package io.curio.feature.interactions;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes interactions row by row in one JDBC batch, skipping event ids already stored.
 */
@Component
class InteractionRows {

    private static final String INSERT = """
            insert into interactions (event_id, user_id, book_id, type, value, occurred_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (event_id) do nothing""";

    private final JdbcTemplate jdbc;

    InteractionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the interactions not stored yet; answers how many were new. */
    int insertNew(List<Interaction> interactions) {
        if (interactions.isEmpty()) {
            return 0;
        }
        int[] counts = this.jdbc.batchUpdate(INSERT, new Rows(interactions));
        return Arrays.stream(counts).map((count) -> Math.max(count, 0)).sum();
    }

    private record Rows(List<Interaction> interactions) implements BatchPreparedStatementSetter {

        @Override
        public void setValues(PreparedStatement statement, int index) throws SQLException {
            Interaction interaction = this.interactions.get(index);
            statement.setString(1, interaction.eventId());
            statement.setString(2, interaction.userId());
            statement.setString(3, interaction.bookId());
            statement.setString(4, interaction.type());
            statement.setObject(5, interaction.value(), Types.SMALLINT);
            statement.setObject(6, OffsetDateTime.ofInstant(interaction.occurredAt(), ZoneOffset.UTC));
        }

        @Override
        public int getBatchSize() {
            return this.interactions.size();
        }

    }

}
