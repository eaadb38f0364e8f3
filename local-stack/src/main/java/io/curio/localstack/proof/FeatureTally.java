package io.curio.localstack.proof;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.curio.localstack.infra.InfraDescription;
import io.curio.localstack.stack.StackException;

/**
 * Reads which event ids of a run feature-service stored in {@code feature.interactions}. Only this verification
 * reads the table from outside; no service does.
 */
final class FeatureTally {

    private static final String IDS = "select event_id from feature.interactions where event_id like ?";

    private final String jdbcUrl;

    FeatureTally(InfraDescription.Postgres postgres) {
        this.jdbcUrl = postgres.jdbcUrl();
    }

    /** Every row's event id that starts with the prefix, repeats included. */
    List<String> rows(String idPrefix) {
        try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "");
                PreparedStatement query = connection.prepareStatement(IDS)) {
            query.setString(1, idPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
        catch (SQLException ex) {
            throw new StackException("cannot read feature.interactions at " + this.jdbcUrl + ": " + ex.getMessage(),
                    ex);
        }
    }

}
