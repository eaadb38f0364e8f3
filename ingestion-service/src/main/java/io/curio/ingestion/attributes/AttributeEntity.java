package io.curio.ingestion.attributes;

/**
 * The entities whose attributes are polled; the name is the data hub folder and the metric tag.
 */
public enum AttributeEntity {

    BOOKS("books"),
    USERS("users");

    private final String entityName;

    AttributeEntity(String entityName) {
        this.entityName = entityName;
    }

    public String entityName() {
        return this.entityName;
    }

}
