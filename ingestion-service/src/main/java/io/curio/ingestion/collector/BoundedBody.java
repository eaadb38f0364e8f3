package io.curio.ingestion.collector;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit, refusing it as soon as it is longer: a large body is never held
 * in memory whole.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(InputStream body, long declaredLength, int limit) {
        if (declaredLength > limit) {
            throw new BodyTooLargeException(limit);
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(limit + 1);
        }
        catch (IOException ex) {
            throw new UnreadableBodyException(ex);
        }
        if (bytes.length > limit) {
            throw new BodyTooLargeException(limit);
        }
        return bytes;
    }

}
