package io.curio.feature.attributes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of an attribute snapshot, {@code raw/<entity>/dt=YYYY-MM-DD/<epoch-millis>.json}, and the
 * poll time its name carries.
 *
 * @param entity what the snapshot describes
 * @param key the object key
 * @param polledMillis the poll time in epoch milliseconds
 */
public record SnapshotKey(Entity entity, String key, long polledMillis) {

    private static final Pattern LAYOUT = Pattern
        .compile("raw/(books|users)/(dt=\\d{4}-\\d{2}-\\d{2}/)(\\d{1,18})\\.json");

    /** The snapshot key an object key names, or empty for any other object. */
    public static Optional<SnapshotKey> parse(Entity entity, String key) {
        Matcher matcher = LAYOUT.matcher(key);
        if (!matcher.matches() || !matcher.group(1).equals(entity.wireName())) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotKey(entity, key, Long.parseLong(matcher.group(3))));
    }

    public boolean isNewerThan(SnapshotKey other) {
        return this.polledMillis > other.polledMillis
                || (this.polledMillis == other.polledMillis && this.key.compareTo(other.key) > 0);
    }

    /** The day partition the key lies in, e.g. {@code raw/books/dt=2026-12-04/}. */
    String partition() {
        return this.key.substring(0, this.key.lastIndexOf('/') + 1);
    }

}
