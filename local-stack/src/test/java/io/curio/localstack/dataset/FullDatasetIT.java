package io.curio.localstack.dataset;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.localstack.infra.S3Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads and imports the full goodbooks-10k folder, and prints how long each step took.
 */
class FullDatasetIT {

    @TempDir
    Path temp;

    @Test
    void loadsAndImportsTheFullDataset() {
        long cpuStarted = processCpuMillis();
        long started = System.nanoTime();
        Dataset full = Datasets.load(SharedData.folder("goodbooks-10k"));
        Duration loading = Duration.ofNanos(System.nanoTime() - started);
        long loadingCpu = processCpuMillis() - cpuStarted;

        ImportSummary summary;
        long importCpu;
        List<String> progress = new ArrayList<>();
        try (S3Server server = S3Server.start(this.temp.resolve("s3"), 0); S3Client s3 = client(server)) {
            server.createBucket("curio");
            long importStarted = processCpuMillis();
            summary = HubImport.write(full, s3, "curio", Instant.parse("2026-12-04T12:00:00Z"), progress::add);
            importCpu = processCpuMillis() - importStarted;
        }

        System.out.printf("full goodbooks-10k: loaded in %d ms (%d ms CPU), imported in %d ms (%d ms CPU): %s%n",
                loading.toMillis(), loadingCpu, summary.took().toMillis(), importCpu, summary);
        assertThat(full.summary()).isEqualTo("10,000 books, 53,424 readers, 981,756 ratings, 912,705 to-read marks");
        assertThat(full.books()).filteredOn((book) -> !book.tags().isEmpty()).hasSize(10_000);
        assertThat(summary.events()).isEqualTo(1_894_461);
        assertThat(summary.objects()).isEqualTo(19);
        assertThat(progress).hasSize(19).last().isEqualTo("events 1,894,461 / 1,894,461 (object 19 of 19)");
        assertThat(summary.prefix()).isEqualTo("raw/events/dt=2026-12-04/hr=12/import-goodbooks-10k-000");
    }

    private static long processCpuMillis() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private static S3Client client(S3Server server) {
        return DataHubClients.s3(new DataHubLocation(server.endpoint().toString(), "curio", "us-east-1",
                S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
    }

}
