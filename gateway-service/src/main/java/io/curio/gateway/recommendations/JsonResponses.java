package io.curio.gateway.recommendations;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a 200 JSON answer the gateway makes itself: a cached list or a fallback list.
 */
class JsonResponses {

    private final JsonMapper jsonMapper;

    JsonResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    Mono<Void> write(ServerWebExchange exchange, Object body) {
        return write(exchange, jsonMapper.writeValueAsBytes(body));
    }

    Mono<Void> write(ServerWebExchange exchange, byte[] body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
