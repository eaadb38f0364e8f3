package io.curio.feature.attributes;

import java.util.Comparator;
import java.util.Optional;

import io.curio.feature.hub.HubProperties;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.stereotype.Component;

/**
 * Finds and reads attribute snapshots in the data hub.
 */
@Component
class HubSnapshots {

    private final S3Client s3;

    private final String bucket;

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

    byte[] read(SnapshotKey key) {
        return this.s3.getObjectAsBytes((request) -> request.bucket(this.bucket).key(key.key())).asByteArray();
    }

}
