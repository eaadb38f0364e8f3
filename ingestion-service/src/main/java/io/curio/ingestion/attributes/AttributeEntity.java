package io.curio.ingestion.attributes;

import io.curio.events.DataHubKeys;
import io.curio.ingestion.datahub.HubObjectKind;

/**
 * The entities whose attributes are polled; the name is the data hub folder and the metric tag.
 */
public enum AttributeEntity {

    BOOKS("books", "bookId", HubObjectKind.BOOKS),
    USERS("users", "userId", HubObjectKind.USERS);

    private final String entityName;

    private final String idField;

    private final HubObjectKind hubKind;

    AttributeEntity(String entityName, String idField, HubObjectKind hubKind) {
        this.entityName = entityName;
        this.idField = idField;
        this.hubKind = hubKind;
    }

    public String entityName() {
        return this.entityName;
    }

    /** The field every record of this entity identifies itself with. */
    String idField() {
        return this.idField;
    }

    /**
     * The data hub key of the object that names the snapshot in force and when a poll last found it
     * current, rewritten after every good poll.
     */
    String confirmationKey() {
        return DataHubKeys.attributePrefix(this.entityName) + "confirmed.json";
    }

    HubObjectKind hubKind() {
        return this.hubKind;
    }

}
