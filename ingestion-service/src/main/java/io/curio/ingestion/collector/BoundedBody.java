package io.curio.ingestion.collector;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body up to a limit, refusing it as soon as it is longer: a large body is never held
 * in memory whole.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, int limit) {
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLargeException(limit);
        }
        byte[] bytes;
        try (InputStream body = request.getInputStream()) {
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
