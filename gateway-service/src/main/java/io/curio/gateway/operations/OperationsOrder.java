package io.curio.gateway.operations;

/**
 * Where the operations filters sit among the gateway's web filters.
 */
final class OperationsOrder {

    /** Just after Spring Security's filter chain (order -100), so that only authenticated requests get here. */
    static final int AFTER_SECURITY = -99;

    private OperationsOrder() {
    }
}
