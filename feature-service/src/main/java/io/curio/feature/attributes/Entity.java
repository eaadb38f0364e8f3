package io.curio.feature.attributes;

import io.curio.events.DataHubKeys;

/**
 * The kinds of attribute snapshot the data hub holds.
 */
public enum Entity {

    BOOKS("books"), USERS("users");

    private final String wireName;

    Entity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return this.wireName;
    }

    String prefix() {
        return DataHubKeys.attributePrefix(this.wireName);
    }

    /** The key of the object in which ingestion confirms the snapshot in force after every good poll. */
    String confirmationKey() {
        return prefix() + "confirmed.json";
    }

}
