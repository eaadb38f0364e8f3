package io.curio.feature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.curio.localstack.infra.S3Server;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Runs the service against the real PostgreSQL (database {@code test}, schema {@code feature}) and an
 * S3 server in this JVM, emptying both before every test. The stream consumer is off here: these
 * tests hand batches to the handler themselves; {@code StreamConsumerIT} runs it on a real stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "curio.stream.consumer-group=false")
public abstract class AbstractFeatureServiceIT {

    protected static final String BUCKET = "curio-feature-it";

    private static final S3Server S3 = startS3();

    @Autowired
    protected S3Client s3;

    @Autowired
    protected JdbcClient jdbc;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/test");
        registry.add("curio.hub.endpoint", () -> S3.endpoint().toString());
        registry.add("curio.hub.bucket", () -> BUCKET);
        registry.add("curio.hub.access-key", () -> S3Server.ACCESS_KEY);
        registry.add("curio.hub.secret-key", () -> S3Server.SECRET_KEY);
        registry.add("curio.features.snapshot-poll-interval", () -> "1h");
    }

    @BeforeEach
    void emptyStores() {
        this.jdbc.sql("truncate interactions, books, users, applied_snapshots").update();
        List<S3Object> objects = this.s3.listObjectsV2Paginator((request) -> request.bucket(BUCKET))
            .contents()
            .stream()
            .toList();
        objects.forEach((object) -> this.s3.deleteObject((request) -> request.bucket(BUCKET).key(object.key())));
    }

    protected RestClient http() {
        return RestClient.builder()
            .baseUrl("http://127.0.0.1:" + this.port)
            .defaultStatusHandler((status) -> true, (request, response) -> {
            })
            .build();
    }

    protected void putObject(String key, byte[] bytes) {
        this.s3.putObject((request) -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    protected void putObject(String key, String text) {
        putObject(key, text.getBytes(StandardCharsets.UTF_8));
    }

    protected static byte[] gzipLines(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (String line : lines) {
                gzip.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private static S3Server startS3() {
        S3Server server = S3Server.start(null, 0);
        server.createBucket(BUCKET);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

}
