package io.curio.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a reader did. The wire name is the lower-case name used in JSON.
 */
public enum EventType {

    IMPRESSION("impression", false),
    CLICK("click", true),
    OPEN("open", true),
    FINISH("finish", true),
    ADD_TO_LIBRARY("add_to_library", true),
    RATE("rate", true),
    UPGRADE("upgrade", false);

    private final String wireName;

    private final boolean aboutABook;

    EventType(String wireName, boolean aboutABook) {
        this.wireName = wireName;
        this.aboutABook = aboutABook;
    }

    public String wireName() {
        return this.wireName;
    }

    /** Whether an event of this type must name the book it is about. */
    public boolean isAboutABook() {
        return this.aboutABook;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter((type) -> type.wireName.equals(name)).findFirst();
    }

}
