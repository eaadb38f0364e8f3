package io.curio.localstack.stack;

import java.nio.file.Path;
import java.util.List;

import io.curio.localstack.infra.InfraDescription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCommandLineTests {

    private static final StackPorts PORTS = new StackPorts(100);

    private static final InfraDescription INFRA = new InfraDescription(1,
            new InfraDescription.Postgres(5432, "curio_e2e", false), new InfraDescription.Redis(6479, true),
            new InfraDescription.S3("http://127.0.0.1:9100", "curio", "us-east-1", "curio", "curio-local-secret"),
            new InfraDescription.Kinesis("http://127.0.0.1:4667", "engagement-events", "us-east-1", 2),
            new InfraDescription.Attributes("http://127.0.0.1:9200/books", "http://127.0.0.1:9200/users"),
            "sample:42", "a sample");

    @Test
    void runsTheModuleJarWithItsHeapAndSerialCollector() {
        List<String> command = ServiceCommandLine.of(Service.INFERENCE, Service.INFERENCE.jar(Path.of("/repo")), PORTS,
                INFRA);

        assertThat(command).containsSubsequence("-Xmx1g", "-XX:+UseSerialGC", "-Daws.cborEnabled=false", "-jar",
                "/repo/inference-service/target/inference-service-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void passesEverySharedKeyPointingAtThisStack() {
        List<String> command = ServiceCommandLine.of(Service.FEATURE, Path.of("/stack/jars/f.jar"), PORTS, INFRA);

        assertThat(command).contains("--server.port=8182", "--curio.hub.endpoint=http://127.0.0.1:9100",
                "--curio.hub.bucket=curio", "--curio.hub.region=us-east-1", "--curio.hub.access-key=curio",
                "--curio.hub.secret-key=curio-local-secret", "--curio.stream.name=engagement-events",
                "--curio.stream.endpoint=http://127.0.0.1:4667", "--curio.stream.region=us-east-1",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/curio_e2e",
                "--spring.datasource.username=postgres", "--curio.services.feature-url=http://127.0.0.1:8182",
                "--curio.services.abtest-url=http://127.0.0.1:8184",
                "--curio.services.inference-url=http://127.0.0.1:8183",
                "--curio.services.ingestion-url=http://127.0.0.1:8181",
                "--curio.attributes.books-url=http://127.0.0.1:9200/books",
                "--curio.attributes.users-url=http://127.0.0.1:9200/users");
        assertThat(command).noneMatch((arg) -> arg.startsWith("--spring.data.redis"));
    }

    @Test
    void pointsOnlyTheGatewayAtRedis() {
        List<String> command = ServiceCommandLine.of(Service.GATEWAY, Path.of("/stack/jars/g.jar"), PORTS, INFRA);

        assertThat(command).contains("--spring.data.redis.port=6479", "-Xmx256m");
    }

    @Test
    void givesTheGatewayItsManagementPortShiftedLikeTheOthers() {
        List<String> command = ServiceCommandLine.of(Service.GATEWAY, Path.of("/stack/jars/g.jar"), PORTS, INFRA);

        assertThat(command).contains("--server.port=" + PORTS.service(Service.GATEWAY),
                "--management.server.port=" + (8090 + PORTS.offset()));
    }

    @Test
    void leavesOtherServicesHealthOnTheirOwnPort() {
        List<String> command = ServiceCommandLine.of(Service.INFERENCE, Path.of("/stack/jars/i.jar"), PORTS, INFRA);

        assertThat(command).noneMatch((arg) -> arg.startsWith("--management.server.port"));
    }

    @Test
    void keepsEachStacksRateLimitsApartInASharedRedis() {
        List<String> command = ServiceCommandLine.of(Service.GATEWAY, Path.of("/stack/jars/g.jar"), PORTS, INFRA);

        assertThat(command).contains("--curio.gateway.rate-limits.key-prefix=curio:" + INFRA.postgres().database()
                + ":ratelimit:");
    }

    @Test
    void leavesTheImpressionSigningKeyToTheEnvironmentOfBothServicesThatShareIt() {
        List<String> inference = ServiceCommandLine.of(Service.INFERENCE, Path.of("/stack/jars/i.jar"), PORTS, INFRA);
        List<String> abtest = ServiceCommandLine.of(Service.ABTEST, Path.of("/stack/jars/a.jar"), PORTS, INFRA);

        assertThat(inference).noneMatch((arg) -> arg.contains("curio.impressions"));
        assertThat(abtest).noneMatch((arg) -> arg.contains("curio.impressions"));
    }

}
