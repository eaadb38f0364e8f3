package io.curio.localstack.stack;

import java.nio.file.Path;

/**
 * The five Curio services as local-stack runs them: module, base port and heap.
 */
public enum Service {

    GATEWAY("gateway", 8080, "256m"),

    INGESTION("ingestion", 8081, "384m"),

    FEATURE("feature", 8082, "384m"),

    INFERENCE("inference", 8083, "1g"),

    ABTEST("abtest", 8084, "256m");

    private final String processName;

    private final int basePort;

    private final String heap;

    Service(String processName, int basePort, String heap) {
        this.processName = processName;
        this.basePort = basePort;
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

    public String heap() {
        return this.heap;
    }

    /** The module's jar under the repository root. */
    public Path jar(Path root) {
        return root.resolve(module()).resolve("target").resolve(module() + "-0.1.0-SNAPSHOT.jar");
    }

}
