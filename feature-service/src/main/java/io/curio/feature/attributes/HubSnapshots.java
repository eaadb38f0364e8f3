package io.curio.feature.attributes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;

import io.curio.feature.hub.HubProperties;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Finds and reads attribute snapshots in the data hub.
 */
@Component
class HubSnapshots {

    private final S3Client s3;

    private final String bucket;

    private final JsonMapper mapper = JsonMapper.builder().build();

    HubSnapshots(S3Client s3, HubProperties hub) {
        this.s3 = s3;
        this.bucket = hub.bucket();
    }

    /**
     * The newest snapshot of an entity. Keys sort by day partition, so listing starts at the
     * partition of the snapshot applied last instead of at the first day ever polled.
     */
    Optional<SnapshotKey> newest(Entity entity, Optional<SnapshotKey> applied) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
            .bucket(this.bucket)
            .prefix(entity.prefix());
        applied.ifPresent((key) -> request.startAfter(key.partition()));
        return this.s3.listObjectsV2Paginator(request.build())
            .contents()
            .stream()
            .map(S3Object::key)
            .flatMap((key) -> SnapshotKey.parse(entity, key).stream())
            .max(Comparator.comparingLong(SnapshotKey::polledMillis).thenComparing(SnapshotKey::key));
    }

    /**
     * Ingestion's confirmation of the snapshot in force, or empty when there is none or it cannot be
     * read as {@code {"snapshot":"…","confirmedAt":"…"}}.
     */
    Optional<Confirmation> confirmation(Entity entity) {
        try {
            return confirmation(this.s3.getObjectAsBytes((request) -> request.bucket(this.bucket)
                .key(entity.confirmationKey())).asByteArray());
        }
        catch (NoSuchKeyException ex) {
            return Optional.empty();
        }
    }

    private Optional<Confirmation> confirmation(byte[] bytes) {
        try {
            JsonNode json = this.mapper.readTree(bytes);
            JsonNode snapshot = json.path("snapshot");
            JsonNode confirmedAt = json.path("confirmedAt");
            if (!snapshot.isString() || !confirmedAt.isString()) {
                return Optional.empty();
            }
            return Optional.of(new Confirmation(snapshot.asString(), Instant.parse(confirmedAt.asString())));
        }
        catch (JacksonException | DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    byte[] read(SnapshotKey key) {
        return this.s3.getObjectAsBytes((request) -> request.bucket(this.bucket).key(key.key())).asByteArray();
    }

}
