package io.curio.ingestion.collector;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BoundedBodyTests {

    private static final int LIMIT = 1024;

    @Test
    void readsABodyOfExactlyTheLimitSentInChunks() {
        // given
        StreamedRequest request = new StreamedRequest(new byte[LIMIT], -1);

        // when
        byte[] body = BoundedBody.read(request, LIMIT);

        // then
        assertThat(body).hasSize(LIMIT);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitAfterReadingOneByteMore() {
        // given
        StreamedRequest request = new StreamedRequest(new byte[10 * LIMIT], -1);

        // when / then
        assertThatExceptionOfType(BodyTooLargeException.class).isThrownBy(() -> BoundedBody.read(request, LIMIT))
            .withMessage("request body is larger than 1024 bytes");
        assertThat(request.bytesRead()).isEqualTo(LIMIT + 1);
    }

    @Test
    void refusesABodyLongerThanItsContentLengthClaims() {
        // given
        StreamedRequest request = new StreamedRequest(new byte[10 * LIMIT], 10);

        // when / then
        assertThatExceptionOfType(BodyTooLargeException.class).isThrownBy(() -> BoundedBody.read(request, LIMIT));
        assertThat(request.bytesRead()).isEqualTo(LIMIT + 1);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        // given
        StreamedRequest request = new StreamedRequest(new byte[10 * LIMIT], 10 * LIMIT);

        // when / then
        assertThatExceptionOfType(BodyTooLargeException.class).isThrownBy(() -> BoundedBody.read(request, LIMIT));
        assertThat(request.bytesRead()).isZero();
    }

    /** A request whose body is streamed and whose Content-Length says whatever it is told to. */
    private static final class StreamedRequest extends MockHttpServletRequest {

        private final CountingStream body;

        private final long contentLength;

        StreamedRequest(byte[] body, long contentLength) {
            super("POST", "/v1/events");
            this.body = new CountingStream(new ByteArrayInputStream(body));
            this.contentLength = contentLength;
        }

        @Override
        public long getContentLengthLong() {
            return this.contentLength;
        }

        @Override
        public ServletInputStream getInputStream() {
            return this.body;
        }

        long bytesRead() {
            return this.body.count;
        }

    }

    private static final class CountingStream extends ServletInputStream {

        private final ByteArrayInputStream source;

        private long count;

        CountingStream(ByteArrayInputStream source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int value = this.source.read();
            this.count += (value < 0) ? 0 : 1;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = this.source.read(buffer, offset, length);
            this.count += Math.max(read, 0);
            return read;
        }

        @Override
        public boolean isFinished() {
            return this.source.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }

    }

}
