package io.curio.gateway.recommendations;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds back the body the route writes, so that the answer can still be replaced by a fallback once the status is
 * known, and kept in the cache once it is not. Status and headers go to the real response, which stays
 * uncommitted until {@link #body()} is written to it.
 */
class BufferedResponse extends ServerHttpResponseDecorator {

    private static final byte[] EMPTY = new byte[0];

    private volatile byte[] body = EMPTY;

    BufferedResponse(ServerHttpResponse delegate) {
        super(delegate);
    }

    /** What the route wrote, empty before it wrote anything. */
    byte[] body() {
        return body;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> written) {
        return DataBufferUtils.join(Flux.from(written))
                .doOnNext(this::keep)
                .then();
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> written) {
        return writeWith(Flux.from(written).concatMap(Flux::from));
    }

    @Override
    public Mono<Void> setComplete() {
        return Mono.empty();
    }

    private void keep(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            body = bytes;
        }
        finally {
            DataBufferUtils.release(joined);
        }
    }
}
