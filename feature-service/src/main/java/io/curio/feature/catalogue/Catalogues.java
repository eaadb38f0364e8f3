package io.curio.feature.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The active catalogue, rendered once per applied books snapshot and kept as JSON bytes: callers
 * poll it often, and it changes only when a snapshot is applied.
 */
@Component
class Catalogues {

    private static final String VERSION = "select snapshot_key from applied_snapshots where entity = 'books'";

    private final JdbcClient jdbc;

    private final TransactionTemplate snapshotReads;

    private final JsonMapper mapper;

    private final AtomicReference<Rendered> rendered = new AtomicReference<>();

    Catalogues(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.snapshotReads = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.snapshotReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshotReads.setReadOnly(true);
        this.mapper = mapper;
    }

    /** The key of the books snapshot in force, or {@code null} before the first one. */
    String version() {
        return this.jdbc.sql(VERSION).query(String.class).optional().orElse(null);
    }

    /** The catalogue of the books snapshot in force, rendered again only when that changed. */
    Rendered current() {
        Rendered cached = this.rendered.get();
        if (cached != null && Objects.equals(cached.version(), version())) {
            return cached;
        }
        Rendered fresh = this.snapshotReads.execute((status) -> render(version()));
        this.rendered.set(fresh);
        return fresh;
    }

    private Rendered render(String version) {
        List<CatalogueBook> items = this.jdbc.sql("""
                select book_id, title, authors, language, year, tags, premium_only from books
                where active order by length(book_id), book_id""")
            .query(Catalogues::book)
            .list();
        byte[] json = this.mapper.writeValueAsBytes(new Catalogue(version, items));
        return new Rendered(version, etag(version), json);
    }

    private static CatalogueBook book(ResultSet row, int number) throws SQLException {
        return new CatalogueBook(row.getString("book_id"), row.getString("title"), texts(row, "authors"),
                row.getString("language"), row.getObject("year", Integer.class), texts(row, "tags"),
                row.getBoolean("premium_only"));
    }

    private static List<String> texts(ResultSet row, String column) throws SQLException {
        return Arrays.asList((String[]) row.getArray(column).getArray());
    }

    /** A strong entity tag naming the books snapshot in force. */
    static String etag(String version) {
        String named = (version != null) ? version : "no-snapshot";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(named.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /**
     * The catalogue as served.
     *
     * @param version the books snapshot it comes from
     * @param etag its entity tag
     * @param json its JSON body
     */
    record Rendered(String version, String etag, byte[] json) {
    }

    record Catalogue(String version, List<CatalogueBook> items) {
    }

    record CatalogueBook(String bookId, String title, List<String> authors, String language, Integer year,
            List<String> tags, boolean premiumOnly) {
    }

}
