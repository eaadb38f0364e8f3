package io.curio.localstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A Kinesis-compatible emulator (kinesalite, on Node.js) as a child process on loopback. The npm
 * package is installed into a tools folder on first use; streams live in a data folder, or in
 * memory when none is given.
 */
public final class KinesisEmulator implements AutoCloseable {

    static final String PACKAGE = "kinesalite@3.3.3";

    private final Process process;

    private final int port;

    private KinesisEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the emulator, installing it first if needed.
     * @param toolsDir where the npm package is (or will be) installed
     * @param dataDir where streams are kept, or {@code null} for memory
     * @param port the port, or 0 for a free one
     * @param log where the emulator's output goes
     */
    public static KinesisEmulator start(Path toolsDir, Path dataDir, int port, Path log) {
        Path launcher = install(toolsDir);
        int actualPort = (port != 0) ? port : FreePorts.find();
        List<String> command = new ArrayList<>(List.of("node", launcher.toString(), String.valueOf(actualPort)));
        if (dataDir != null) {
            command.add(dataDir.toAbsolutePath().toString());
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
            KinesisEmulator emulator = new KinesisEmulator(process, actualPort);
            emulator.awaitListening();
            return emulator;
        }
        catch (IOException ex) {
            throw new InfrastructureException("cannot start the Kinesis emulator (is Node.js installed?)", ex);
        }
    }

    /**
     * The tools folder of the checkout this runs in: {@code .curio/tools} beside the root {@code mvnw},
     * found by walking up from the working directory; {@code CURIO_TOOLS_DIR} overrides it.
     */
    public static Path defaultToolsDir() {
        String configured = System.getenv("CURIO_TOOLS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("local-stack"))) {
                return candidate.resolve(".curio/tools");
            }
        }
        return dir.resolve(".curio/tools");
    }

    /** Installs kinesalite into the tools folder unless it is there, and returns the launcher script. */
    public static Path install(Path toolsDir) {
        try {
            Files.createDirectories(toolsDir);
            if (!Files.isDirectory(toolsDir.resolve("node_modules/kinesalite"))) {
                runNpmInstall(toolsDir);
            }
            Path launcher = toolsDir.resolve("kinesalite-server.js");
            try (InputStream script = KinesisEmulator.class.getResourceAsStream("/kinesalite-server.js")) {
                Files.copy(script, launcher, StandardCopyOption.REPLACE_EXISTING);
            }
            return launcher;
        }
        catch (IOException ex) {
            throw new InfrastructureException("cannot install " + PACKAGE + " into " + toolsDir, ex);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + this.port);
    }

    public int port() {
        return this.port;
    }

    public long pid() {
        return this.process.pid();
    }

    /** Creates the stream unless it exists, and waits until it is active. */
    public void createStream(String name, int shards) {
        try (KinesisClient client = client(endpoint())) {
            try {
                client.createStream((request) -> request.streamName(name).shardCount(shards));
            }
            catch (ResourceInUseException ex) {
                // The stream is already there: a restart over kept data.
            }
            awaitActive(client, name);
        }
    }

    /** A Kinesis client for an emulator endpoint: HTTP/1.1, test credentials. */
    public static KinesisClient client(URI endpoint) {
        return KinesisClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("curio", "curio")))
            .httpClientBuilder(ApacheHttpClient.builder())
            .build();
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!this.process.isAlive()) {
                throw new InfrastructureException("the Kinesis emulator exited with " + this.process.exitValue());
            }
            if (FreePorts.isListening(this.port)) {
                return;
            }
            sleep(100);
        }
        throw new InfrastructureException("the Kinesis emulator did not listen on " + this.port + " within 30 s");
    }

    private static void awaitActive(KinesisClient client, String name) {
        for (int i = 0; i < 100; i++) {
            StreamStatus status = client.describeStreamSummary((request) -> request.streamName(name))
                .streamDescriptionSummary()
                .streamStatus();
            if (status == StreamStatus.ACTIVE) {
                return;
            }
            sleep(100);
        }
        throw new InfrastructureException("stream " + name + " did not become active");
    }

    private static void runNpmInstall(Path toolsDir) throws IOException {
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix",
                toolsDir.toAbsolutePath().toString(), PACKAGE)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(toolsDir.resolve("npm-install.log").toFile()))
            .start();
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new InfrastructureException("npm install " + PACKAGE + " failed; see "
                        + toolsDir.resolve("npm-install.log"));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while installing " + PACKAGE, ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while waiting for the Kinesis emulator", ex);
        }
    }

}
