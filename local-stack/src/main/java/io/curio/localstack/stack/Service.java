package io.curio.localstack.stack;

import java.nio.file.Path;

/**
 * The five Curio services as local-stack runs them: module, base port, base management port and heap.
 */
public enum Service {

    // the gateway serves health and metrics on a port of their own, never on its public one
    GATEWAY("gateway", 8080, 8090, "256m"),

    INGESTION("ingestion", 8081, 8081, "384m"),

    FEATURE("feature", 8082, 8082, "384m"),

    INFERENCE("inference", 8083, 8083, "1g"),

    ABTEST("abtest", 8084, 8084, "256m");

    private final String processName;

    private final int basePort;

    private final int baseManagementPort;

    private final String heap;

    Service(String processName, int basePort, int baseManagementPort, String heap) {
        this.processName = processName;
        this.basePort = basePort;
        this.baseManagementPort = baseManagementPort;
        this.heap = heap;
    }

    /** The short name used for log and pid files, e.g. {@code feature}. */
    public String processName() {
        return this.processName;
    }

    public String module() {
        return this.processName + "-service";
    }

    public int basePort() {
        return this.basePort;
    }

    /** Where the service answers {@code /actuator/health}: its own port unless it has a management port. */
    public int baseManagementPort() {
        return this.baseManagementPort;
    }

    /** Whether health and metrics are on a port of their own, which the service must be told. */
    public boolean hasManagementPort() {
        return this.baseManagementPort != this.basePort;
    }

    public String heap() {
        return this.heap;
    }

    /** The module's jar under the repository root. */
    public Path jar(Path root) {
        return root.resolve(module()).resolve("target").resolve(module() + "-0.1.0-SNAPSHOT.jar");
    }

}
