package io.curio.gateway.recommendations;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds back the service's status, headers and body instead of sending them, so that the gateway can still
 * answer from the fallback list when the service fails, and can keep a good answer in the cache.
 */
class BufferedResponse extends ServerHttpResponseDecorator {

    private static final byte[] EMPTY = new byte[0];

    private final HttpHeaders headers = new HttpHeaders();

    private HttpStatusCode status;

    private byte[] body = EMPTY;

    BufferedResponse(ServerHttpResponse delegate) {
        super(delegate);
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public boolean setStatusCode(HttpStatusCode status) {
        this.status = status;
        return true;
    }

    @Override
    @SuppressWarnings("deprecation")
    public boolean setRawStatusCode(Integer status) {
        this.status = status == null ? null : HttpStatusCode.valueOf(status);
        return true;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return status;
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
        return DataBufferUtils.join(content).doOnNext(this::hold).then();
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> content) {
        return writeWith(Flux.from(content).concatMap(Flux::from));
    }

    @Override
    public Mono<Void> setComplete() {
        return Mono.empty();
    }

    /** Whether the service failed: answered 5xx, or not at all. */
    boolean failed() {
        return status == null || status.is5xxServerError();
    }

    byte[] body() {
        return body;
    }

    private void hold(DataBuffer joined) {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        body = bytes;
    }
}
