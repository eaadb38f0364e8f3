package io.curio.localstack.stack;

import java.nio.file.Path;
import java.util.List;

import io.curio.localstack.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpOptionsTests {

    private static final Path ROOT = Path.of("/repo");

    @TempDir
    Path dataset;

    @Test
    void defaultsToTheSampleInTheRepositoryStateFolder() {
        UpCommand.Options options = UpCommand.Options.parse(List.of(), ROOT);

        assertThat(options.home().root()).isEqualTo(Path.of("/repo/.curio"));
        assertThat(options.ports().offset()).isZero();
        assertThat(options.database()).isEqualTo("curio");
        assertThat(options.dataset().id()).isEqualTo("sample:42");
    }

    @Test
    void rejectsDatasetThatIsNotAFolder() {
        assertThatThrownBy(() -> UpCommand.Options.parse(List.of("--dataset", "/no/such/dataset"), ROOT))
            .isInstanceOf(UsageException.class)
            .hasMessage("--dataset /no/such/dataset is not a folder");
    }

    @Test
    void takesEveryOption() {
        UpCommand.Options options = UpCommand.Options.parse(List.of("--dataset", this.dataset.toString(),
                "--home", "/tmp/stack", "--port-offset", "1000", "--database", "curio_e2e"), ROOT);

        assertThat(options.home().root()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(options.ports().service(Service.GATEWAY)).isEqualTo(9080);
        assertThat(options.database()).isEqualTo("curio_e2e");
        assertThat(options.dataset().id()).isEqualTo(this.dataset.toString());
    }

    @Test
    void rejectsDatabaseNameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> UpCommand.Options.parse(List.of("--database", "curio; drop"), ROOT))
            .hasMessageContaining("was 'curio; drop'");
    }

    @Test
    void recordsImportedDatasetsInTheState() {
        StackState state = StackState.of(new StackPorts(0), "curio", DatasetChoice.sample(), List.of());

        StackState imported = state.withImported("sample:42");

        assertThat(state.wasImported("sample:42")).isFalse();
        assertThat(imported.wasImported("sample:42")).isTrue();
        assertThat(imported.ports()).containsEntry("gateway", 8080).containsEntry("attributes", 9100);
    }

}
