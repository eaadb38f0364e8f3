package io.curio.localstack.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

import io.curio.localstack.infra.InfraDescription;

/**
 * What {@code up} prints at the end: the dataset, time per stage, where everything is, and how to use it.
 */
final class Summary {

    private final PrintStream out;

    Summary(PrintStream out) {
        this.out = out;
    }

    void print(StackPorts ports, InfraDescription infra, Map<String, Duration> durations, Duration total,
            String stopCommand) {
        this.out.println();
        this.out.println("Curio is up.");
        this.out.println("  dataset      " + infra.datasetSummary());
        durations.forEach((stage, took) -> this.out.printf("  %-15s %s%n", stage, Progress.format(took)));
        this.out.printf("  %-15s %s%n", "total", Progress.format(total));
        this.out.println();
        for (Service service : Service.values()) {
            this.out.printf("  %-12s %s%s%n", service.processName(), StackPorts.url(ports.service(service)),
                    service.hasManagementPort()
                            ? ", health and metrics " + StackPorts.url(ports.management(service)) + "/actuator"
                            : "");
        }
        printInfrastructure(infra, this.out);
        String gateway = StackPorts.url(ports.service(Service.GATEWAY));
        this.out.println();
        this.out.println("  token        TOKEN=$(./curio token 1 --plan premium)   (admin: --scope \""
                + StackCalls.ADMIN_SCOPE + "\")");
        this.out.println("  try          curl -s -H \"Authorization: Bearer $TOKEN\" '" + gateway
                + "/v1/recommendations?limit=5'");
        this.out.println("  stop         " + stopCommand);
    }

    /** The infrastructure's addresses and credentials; shared with {@code status}. */
    static void printInfrastructure(InfraDescription infra, PrintStream out) {
        InfraDescription.S3 s3 = infra.s3();
        out.printf("  %-12s %s bucket %s, access key %s, secret %s, region %s%n", "s3", s3.endpoint(), s3.bucket(),
                s3.accessKey(), s3.secretKey(), s3.region());
        out.printf("  %-12s %s stream %s%n", "kinesis", infra.kinesis().endpoint(), infra.kinesis().stream());
        out.printf("  %-12s %s user postgres%s%n", "postgresql", infra.postgres().jdbcUrl(),
                infra.postgres().embedded() ? " (embedded)" : "");
        out.printf("  %-12s 127.0.0.1:%d%s%n", "redis", infra.redis().port(),
                infra.redis().embedded() ? " (embedded)" : "");
        out.printf("  %-12s %s %s%n", "attributes", infra.attributes().booksUrl(), infra.attributes().usersUrl());
    }

}
