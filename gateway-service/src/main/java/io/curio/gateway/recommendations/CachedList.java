package io.curio.gateway.recommendations;

/**
 * A list as inference-service answered it, kept byte for byte.
 *
 * @param body the JSON body
 * @param contentType the {@code Content-Type} it was answered with
 */
record CachedList(byte[] body, String contentType) {

    CachedList {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
