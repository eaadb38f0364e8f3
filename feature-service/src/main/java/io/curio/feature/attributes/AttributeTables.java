package io.curio.feature.attributes;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code books}, {@code users} and {@code applied_snapshots} tables. A snapshot is applied as a
 * diff in one transaction: rows that changed are upserted, books the snapshot no longer lists are
 * marked inactive (except those it withholds as malformed, which keep their row), and the snapshot is
 * recorded as the one in force.
 */
@Component
class AttributeTables {

    private static final String STAGE_BOOKS = """
            create temporary table staged_books (
                book_id text primary key, title text, authors text[], language text, year integer, tags text[],
                premium_only boolean
            ) on commit drop""";

    private static final String UPSERT_BOOKS = """
            insert into books (book_id, title, authors, language, year, tags, premium_only, active)
            select book_id, title, authors, language, year, tags, premium_only, true from staged_books
            on conflict (book_id) do update set title = excluded.title, authors = excluded.authors,
                language = excluded.language, year = excluded.year, tags = excluded.tags,
                premium_only = excluded.premium_only, active = true
            where (books.title, books.authors, books.language, books.year, books.tags, books.premium_only,
                books.active) is distinct from (excluded.title, excluded.authors, excluded.language, excluded.year,
                excluded.tags, excluded.premium_only, true)""";

    private static final String STAGE_WITHHELD_BOOKS = """
            create temporary table withheld_books (book_id text primary key) on commit drop""";

    private static final String DEACTIVATE_MISSING_BOOKS = """
            update books set active = false
            where active and not exists (select 1 from staged_books s where s.book_id = books.book_id)
                and not exists (select 1 from withheld_books w where w.book_id = books.book_id)""";

    private static final String UPSERT_USER = """
            insert into users (user_id, plan, language) values (?, ?, ?)
            on conflict (user_id) do update set plan = excluded.plan, language = excluded.language
            where (users.plan, users.language) is distinct from (excluded.plan, excluded.language)""";

    private static final String RECORD_APPLIED = """
            insert into applied_snapshots (entity, snapshot_key, polled_at, applied_at) values (?, ?, ?, ?)
            on conflict (entity) do update set snapshot_key = excluded.snapshot_key,
                polled_at = excluded.polled_at, applied_at = excluded.applied_at""";

    private final JdbcTemplate jdbc;

    private final JdbcClient client;

    private final TransactionTemplate transactions;

    AttributeTables(JdbcTemplate jdbc, JdbcClient client, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.client = client;
        this.transactions = transactions;
    }

    Optional<AppliedSnapshot> applied(Entity entity) {
        return this.client.sql("select snapshot_key, polled_at from applied_snapshots where entity = ?")
            .param(entity.wireName())
            .query((row, number) -> appliedSnapshot(entity, row))
            .optional()
            .flatMap((found) -> found);
    }

    private static Optional<AppliedSnapshot> appliedSnapshot(Entity entity, ResultSet row) throws SQLException {
        Instant polledAt = row.getObject("polled_at", OffsetDateTime.class).toInstant();
        return SnapshotKey.parse(entity, row.getString("snapshot_key"))
            .map((key) -> new AppliedSnapshot(key, polledAt));
    }

    Changes applyBooks(Snapshot<BookAttributes> snapshot, Instant appliedAt) {
        return this.transactions.execute((status) -> {
            this.jdbc.execute(STAGE_BOOKS);
            this.jdbc.batchUpdate("insert into staged_books values (?, ?, ?, ?, ?, ?, ?)",
                    new BookRows(snapshot.items()));
            this.jdbc.execute(STAGE_WITHHELD_BOOKS);
            this.jdbc.batchUpdate("insert into withheld_books values (?) on conflict do nothing",
                    snapshot.withheld().stream().map((id) -> new Object[] { id }).toList());
            int changed = this.jdbc.update(UPSERT_BOOKS);
            int deactivated = this.jdbc.update(DEACTIVATE_MISSING_BOOKS);
            recordApplied(snapshot, appliedAt);
            return new Changes(changed, deactivated);
        });
    }

    Changes applyUsers(Snapshot<UserAttributes> snapshot, Instant appliedAt) {
        return this.transactions.execute((status) -> {
            int[] counts = this.jdbc.batchUpdate(UPSERT_USER, new UserRows(snapshot.items()));
            recordApplied(snapshot, appliedAt);
            return new Changes(sum(counts), 0);
        });
    }

    private void recordApplied(Snapshot<?> snapshot, Instant appliedAt) {
        this.jdbc.update(RECORD_APPLIED, snapshot.key().entity().wireName(), snapshot.key().key(),
                utc(snapshot.polledAt()), utc(appliedAt));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static int sum(int[] counts) {
        int sum = 0;
        for (int count : counts) {
            sum += Math.max(count, 0);
        }
        return sum;
    }

    /**
     * What applying a snapshot changed.
     *
     * @param changed rows inserted or updated
     * @param deactivated books marked inactive because the snapshot no longer lists them
     */
    record Changes(int changed, int deactivated) {
    }

    private record BookRows(List<BookAttributes> books) implements BatchPreparedStatementSetter {

        @Override
        public void setValues(PreparedStatement statement, int index) throws SQLException {
            BookAttributes book = this.books.get(index);
            Connection connection = statement.getConnection();
            statement.setString(1, book.bookId());
            statement.setString(2, book.title());
            statement.setArray(3, texts(connection, book.authors()));
            statement.setString(4, book.language());
            statement.setObject(5, book.year(), Types.INTEGER);
            statement.setArray(6, texts(connection, book.tags()));
            statement.setBoolean(7, book.premiumOnly());
        }

        @Override
        public int getBatchSize() {
            return this.books.size();
        }

        private static Array texts(Connection connection, List<String> texts) throws SQLException {
            return connection.createArrayOf("text", texts.toArray());
        }

    }

    private record UserRows(List<UserAttributes> users) implements BatchPreparedStatementSetter {

        @Override
        public void setValues(PreparedStatement statement, int index) throws SQLException {
            UserAttributes user = this.users.get(index);
            statement.setString(1, user.userId());
            statement.setString(2, user.plan());
            statement.setString(3, user.language());
        }

        @Override
        public int getBatchSize() {
            return this.users.size();
        }

    }

}
