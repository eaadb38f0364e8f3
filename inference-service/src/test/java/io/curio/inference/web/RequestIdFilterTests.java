package io.curio.inference.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void echoesTheCallersRequestIdOnce() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/recommendations");
        request.addHeader(RequestIds.HEADER, "req-1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        this.filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeaders(RequestIds.HEADER)).containsExactly("req-1");
    }

    @Test
    void replacesARequestIdAlreadyOnTheResponseInsteadOfAddingASecond() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/recommendations");
        request.addHeader(RequestIds.HEADER, "req-2");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.addHeader(RequestIds.HEADER, "stale");

        this.filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeaders(RequestIds.HEADER)).containsExactly("req-2");
    }

    @Test
    void leavesInternalEndpointsWithoutARequestId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/internal/models");
        MockHttpServletResponse response = new MockHttpServletResponse();

        this.filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeaders(RequestIds.HEADER)).isEmpty();
    }

}
