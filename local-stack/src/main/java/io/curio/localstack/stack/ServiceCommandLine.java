package io.curio.localstack.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.curio.localstack.infra.InfraDescription;

/**
 * The command line of a service in a local stack: its heap, the serial collector, and every shared configuration key
 * of docs/internal-apis.md pointing at this stack's infrastructure and sibling services.
 */
public final class ServiceCommandLine {

    /** How long ingestion-service buffers stream records before writing them to the local hub. */
    public static final String ARCHIVE_MAX_AGE = "10s";

    private ServiceCommandLine() {
    }

    /**
     * @param service the service
     * @param jar the jar to run (a copy of the module's jar)
     * @param ports the stack's ports
     * @param infra where the infrastructure is
     */
    public static List<String> of(Service service, Path jar, StackPorts ports, InfraDescription infra) {
        List<String> command = new ArrayList<>(List.of(Launch.java(), "-Xmx" + service.heap(), "-XX:+UseSerialGC",
                "-Daws.cborEnabled=false", "-jar", jar.toString()));
        command.add("--server.port=" + ports.service(service));
        if (service.hasManagementPort()) {
            command.add("--management.server.port=" + ports.management(service));
        }
        command.addAll(hub(infra.s3()));
        command.addAll(stream(infra.kinesis()));
        command.add("--spring.datasource.url=" + infra.postgres().jdbcUrl());
        command.add("--spring.datasource.username=postgres");
        command.addAll(services(ports));
        command.add("--curio.attributes.books-url=" + infra.attributes().booksUrl());
        command.add("--curio.attributes.users-url=" + infra.attributes().usersUrl());
        if (service == Service.INGESTION) {
            // Shorter than the service's 60 s default, so that events show up in the local hub soon.
            command.add("--curio.ingestion.archive.max-age=" + ARCHIVE_MAX_AGE);
        }
        if (service == Service.ABTEST) {
            command.add("--curio.abtest.canary.inference-url=" + StackPorts.url(ports.service(Service.INFERENCE)));
        }
        if (service == Service.GATEWAY) {
            command.add("--spring.data.redis.host=127.0.0.1");
            command.add("--spring.data.redis.port=" + infra.redis().port());
            command.add("--curio.gateway.rate-limits.key-prefix=curio:" + infra.postgres().database()
                    + ":ratelimit:");
        }
        return command;
    }

    private static List<String> hub(InfraDescription.S3 s3) {
        return List.of("--curio.hub.endpoint=" + s3.endpoint(), "--curio.hub.bucket=" + s3.bucket(),
                "--curio.hub.region=" + s3.region(), "--curio.hub.access-key=" + s3.accessKey(),
                "--curio.hub.secret-key=" + s3.secretKey());
    }

    private static List<String> stream(InfraDescription.Kinesis kinesis) {
        return List.of("--curio.stream.name=" + kinesis.stream(), "--curio.stream.endpoint=" + kinesis.endpoint(),
                "--curio.stream.region=" + kinesis.region());
    }

    private static List<String> services(StackPorts ports) {
        return List.of("--curio.services.feature-url=" + StackPorts.url(ports.service(Service.FEATURE)),
                "--curio.services.abtest-url=" + StackPorts.url(ports.service(Service.ABTEST)),
                "--curio.services.inference-url=" + StackPorts.url(ports.service(Service.INFERENCE)),
                "--curio.services.ingestion-url=" + StackPorts.url(ports.service(Service.INGESTION)));
    }

}
