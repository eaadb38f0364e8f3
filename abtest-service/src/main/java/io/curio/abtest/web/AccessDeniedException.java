package io.curio.abtest.web;

/**
 * A public call without the identity or scope it needs.
 */
class AccessDeniedException extends RuntimeException {

    AccessDeniedException(String message) {
        super(message);
    }

}
