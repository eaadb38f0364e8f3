package io.curio.feature.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/users/{userId}/profile}: a reader's attributes and newest interactions.
 */
@RestController
class ProfileController {

    static final int HISTORY_LIMIT = 500;

    private final JdbcClient jdbc;

    ProfileController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/internal/users/{userId}/profile")
    UserProfile profile(@PathVariable String userId) {
        return new UserProfile(userId, attributes(userId), history(userId));
    }

    private UserProfile.Attributes attributes(String userId) {
        return this.jdbc.sql("select plan, language from users where user_id = ?")
            .param(userId)
            .query((row, number) -> new UserProfile.Attributes(row.getString("plan"), row.getString("language")))
            .optional()
            .orElse(null);
    }

    private List<UserProfile.HistoryEntry> history(String userId) {
        return this.jdbc.sql("""
                select book_id, type, value, occurred_at from interactions
                where user_id = ? order by occurred_at desc, event_id desc limit ?""")
            .param(userId)
            .param(HISTORY_LIMIT)
            .query(ProfileController::historyEntry)
            .list();
    }

    private static UserProfile.HistoryEntry historyEntry(ResultSet row, int number) throws SQLException {
        return new UserProfile.HistoryEntry(row.getString("book_id"), row.getString("type"),
                row.getObject("value", Integer.class), row.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

}
