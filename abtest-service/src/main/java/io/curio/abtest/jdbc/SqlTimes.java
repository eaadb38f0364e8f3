package io.curio.abtest.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamptz} columns, always in UTC.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The parameter value of an instant. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant in a column, or {@code null} when it is null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime timestamp = rs.getObject(column, OffsetDateTime.class);
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

}
