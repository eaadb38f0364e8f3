package io.curio.feature.attributes;

import java.time.Instant;

/**
 * What ingestion's last good poll of an entity found: the snapshot in force and when it was still
 * current, read from {@code raw/<entity>/confirmed.json}.
 *
 * @param snapshot the data hub key of the snapshot confirmed
 * @param confirmedAt when the poll found it current
 */
record Confirmation(String snapshot, Instant confirmedAt) {
}
