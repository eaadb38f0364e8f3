package io.curio.localstack.stack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.localstack.infra.FreePorts;
import io.curio.localstack.infra.InfraDescription;
import io.curio.localstack.infra.KinesisEmulator;
import io.curio.localstack.infra.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the infrastructure process as {@code up} does, as a child on a port offset, then stops it as {@code down}
 * does.
 */
class InfraProcessIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path temp;

    private StackHome home;

    @AfterEach
    void stopEverything() {
        if (this.home != null) {
            new DownCommand(ROOT, new PrintStream(new ByteArrayOutputStream())).run(List.of("--home",
                    this.home.root().toString(), "--wipe"));
        }
    }

    @Test
    void startsInfrastructureThatAnswersAndStopsWithoutLeavingAProcess() throws Exception {
        // given
        int offset = 20_000 + ThreadLocalRandom.current().nextInt(20) * 1000;
        String database = "curio_it_" + offset;
        this.home = new StackHome(this.temp.resolve("home")).create();
        InfraSettings settings = new InfraSettings(this.home, new StackPorts(offset), database,
                DatasetChoice.sample(), KinesisEmulator.defaultToolsDir());
        JsonFiles.write(this.home.stateFile(), StackState.of(settings.ports(), database, settings.dataset(),
                List.of()));

        // when
        InfraDescription infra = new InfraStage(this.home, ROOT).ensureRunning(settings,
                new Progress(new PrintStream(new ByteArrayOutputStream())));

        // then
        assertThat(infra.s3().endpoint()).isEqualTo("http://127.0.0.1:" + (9000 + offset));
        assertThat(s3RoundTrip(infra)).isEqualTo("{\"ok\":true}");
        assertThat(shardCount(infra)).isEqualTo(2);
        assertThat(firstBookPage(infra)).contains("\"items\"", "\"bookId\"");
        assertThat(LocalPostgres.answers(infra.postgres().port(), database)).isTrue();
        assertThat(InfraStage.running(this.home)).isPresent();

        // when
        long kinesisPid = infra.kinesis().pid();
        String stopped = down();

        // then
        assertThat(stopped).contains("stopped infra");
        assertThat(ProcessHandle.of(infra.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(kinesisPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(FreePorts.isListening(9000 + offset)).isFalse();
        assertThat(FreePorts.isListening(4567 + offset)).isFalse();
        assertThat(FreePorts.isListening(9100 + offset)).isFalse();
        assertThat(LocalPostgres.answers(infra.postgres().port(), database)).isFalse();
        assertThat(this.home.pids().read(Processes.INFRA)).isEmpty();
    }

    @Test
    void reusesRunningInfrastructure() {
        int offset = 21_500 + ThreadLocalRandom.current().nextInt(20) * 1000;
        this.home = new StackHome(this.temp.resolve("again")).create();
        InfraSettings settings = new InfraSettings(this.home, new StackPorts(offset), "curio_it_" + offset,
                DatasetChoice.sample(), KinesisEmulator.defaultToolsDir());
        InfraStage stage = new InfraStage(this.home, ROOT);
        Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream()));
        InfraDescription first = stage.ensureRunning(settings, progress);

        InfraDescription second = stage.ensureRunning(settings, progress);

        assertThat(second.pid()).isEqualTo(first.pid());
    }

    private String down() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DownCommand(ROOT, new PrintStream(out, true, StandardCharsets.UTF_8)).run(List.of("--home",
                this.home.root().toString(), "--wipe"));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String s3RoundTrip(InfraDescription infra) {
        InfraDescription.S3 s3 = infra.s3();
        DataHubLocation location = new DataHubLocation(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(),
                s3.secretKey());
        try (S3Client client = DataHubClients.s3(location)) {
            client.putObject((request) -> request.bucket(s3.bucket()).key("it/probe.json"),
                    RequestBody.fromString("{\"ok\":true}"));
            return client.getObjectAsBytes((request) -> request.bucket(s3.bucket()).key("it/probe.json"))
                .asUtf8String();
        }
    }

    private static int shardCount(InfraDescription infra) {
        try (KinesisClient kinesis = KinesisEmulator.client(URI.create(infra.kinesis().endpoint()))) {
            return kinesis.listShards((request) -> request.streamName(infra.kinesis().stream())).shards().size();
        }
    }

    private static String firstBookPage(InfraDescription infra) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(infra.attributes().booksUrl() + "?limit=1")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

}
