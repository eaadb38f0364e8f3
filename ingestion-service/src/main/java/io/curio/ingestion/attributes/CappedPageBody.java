package io.curio.ingestion.attributes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A page body that may be read up to a limit: the byte past it ends the read with
 * {@link PageTooLargeException}, so an oversized page is never held in memory whole.
 */
final class CappedPageBody extends FilterInputStream {

    private final long limit;

    private long read;

    CappedPageBody(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            count(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            count(count);
        }
        return count;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = super.skip(count);
        count(skipped);
        return skipped;
    }

    private void count(long bytes) {
        this.read += bytes;
        if (this.read > this.limit) {
            throw new PageTooLargeException(this.limit);
        }
    }

    /** A page body longer than the limit. */
    static final class PageTooLargeException extends RuntimeException {

        PageTooLargeException(long limit) {
            super("a page is larger than " + limit + " bytes", null, false, false);
        }

    }

}
