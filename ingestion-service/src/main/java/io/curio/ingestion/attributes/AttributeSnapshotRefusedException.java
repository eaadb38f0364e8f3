package io.curio.ingestion.attributes;

/**
 * An endpoint answered, but what it listed is not taken as the new snapshot: too many malformed
 * records, or no item at all while the snapshot in force has some.
 */
public class AttributeSnapshotRefusedException extends RuntimeException {

    public AttributeSnapshotRefusedException(AttributeEntity entity, String reason) {
        super("the " + entity.entityName() + " poll was refused: " + reason);
    }

}
