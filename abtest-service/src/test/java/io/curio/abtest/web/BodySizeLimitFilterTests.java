package io.curio.abtest.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import io.curio.abtest.AbtestProperties;

import static org.assertj.core.api.Assertions.assertThat;

class BodySizeLimitFilterTests {

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(new AbtestProperties(Duration.ofSeconds(5),
            List.of("popularity"), Duration.ofMinutes(30), Duration.ofMinutes(1), DataSize.ofBytes(10)));

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private final MockFilterChain chain = new MockFilterChain();

    @Test
    void answersContentTooLargeToADeclaredLengthOverTheLimitWithoutReadingIt() throws Exception {
        // when
        this.filter.doFilter(request(false, "{\"key\":\"abc\"}"), this.response, this.chain);

        // then
        assertThat(this.response.getStatus()).isEqualTo(413);
        assertThat(this.response.getContentType()).isEqualTo("application/problem+json");
        assertThat(this.response.getContentAsString()).contains("\"status\":413").contains("10 bytes");
        assertThat(this.chain.getRequest()).isNull();
    }

    @Test
    void answersContentTooLargeToAChunkedBodyOverTheLimit() throws Exception {
        // when
        this.filter.doFilter(request(true, "{\"key\":\"ab\"}"), this.response, this.chain);

        // then
        assertThat(this.response.getStatus()).isEqualTo(413);
        assertThat(this.chain.getRequest()).isNull();
    }

    @Test
    void handsOnAChunkedBodyOfExactlyTheLimitUnchanged() throws Exception {
        // when
        this.filter.doFilter(request(true, "{\"key\":1}"), this.response, this.chain);

        // then
        assertThat(this.response.getStatus()).isEqualTo(200);
        assertThat(new String(this.chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("{\"key\":1}");
        assertThat(this.chain.getRequest().getContentLengthLong()).isEqualTo(9);
    }

    @Test
    void handsOnADeclaredBodyWithinTheLimit() throws Exception {
        // when
        this.filter.doFilter(request(false, "{}"), this.response, this.chain);

        // then
        assertThat(new String(this.chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("{}");
    }

    /** A POST whose body is {@code body}, sent with a Content-Length or chunked (without one). */
    private static MockHttpServletRequest request(boolean chunked, String body) {
        MockHttpServletRequest request = chunked ? new ChunkedRequest() : new MockHttpServletRequest();
        request.setMethod("POST");
        request.setRequestURI("/v1/experiments");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        if (chunked) {
            request.addHeader("Transfer-Encoding", "chunked");
        }
        return request;
    }

    /** A request that, like a chunked one, declares no length. */
    private static final class ChunkedRequest extends MockHttpServletRequest {

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

    }

}
