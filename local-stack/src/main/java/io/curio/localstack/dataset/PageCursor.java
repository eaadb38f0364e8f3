package io.curio.localstack.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque cursor of the attribute endpoints: the position of the next item, bound to the entity it
 * was issued for, in URL-safe Base64. Clients must not build or change cursors.
 */
final class PageCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageCursor() {
    }

    static String encode(String entity, int offset) {
        return ENCODER.encodeToString((entity + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a cursor points at, if it was issued for this entity and is inside {@code [1, size)}. */
    static Optional<Integer> decode(String entity, String cursor, int size) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        String prefix = entity + ":";
        if (!text.startsWith(prefix) || !text.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        int offset = Integer.parseInt(text.substring(prefix.length()));
        return (offset < size) ? Optional.of(offset) : Optional.empty();
    }

}
