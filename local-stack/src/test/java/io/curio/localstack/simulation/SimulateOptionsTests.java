package io.curio.localstack.simulation;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.curio.localstack.cli.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulateOptionsTests {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsToAThousandReadersForFourMinutesAtThirtyListsASecond() {
        SimulateOptions options = SimulateOptions.parse(List.of(), ROOT);

        assertThat(options.users()).isEqualTo(1_000);
        assertThat(options.minutes()).isEqualTo(4);
        assertThat(options.rate()).isEqualTo(30);
        assertThat(options.click()).isEqualTo(0.35);
        assertThat(options.seed()).isEqualTo(SimulateOptions.DEFAULT_SEED);
        assertThat(options.experiment()).isEqualTo("home-ranking");
        assertThat(options.home().root()).isEqualTo(Path.of("/repo/.curio"));
    }

    @Test
    void readsEveryOption() {
        SimulateOptions options = SimulateOptions.parse(List.of("--users", "50", "--minutes=2", "--rate", "4",
                "--seed", "-9", "--home", "/tmp/sim/.curio", "--experiment", "home-v2", "--click", "0.5"), ROOT);

        assertThat(options).isEqualTo(new SimulateOptions(options.home(), 50, 2, 4, -9, "home-v2", 0.5));
        assertThat(options.home().root()).isEqualTo(Path.of("/tmp/sim/.curio"));
    }

    @Test
    void refusesNoReaders() {
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--users", "0"), ROOT))
            .isInstanceOf(UsageException.class)
            .hasMessage("--users must be between 1 and 100000, was 0");
    }

    @Test
    void refusesAClickProbabilityOutsideZeroToOne() {
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--click", "0"), ROOT))
            .isInstanceOf(UsageException.class)
            .hasMessage("--click must be a probability above 0 and at most 1, was '0'");
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--click", "often"), ROOT))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("was 'often'");
    }

    @Test
    void refusesASeedThatIsNotANumber() {
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--seed", "abc"), ROOT))
            .isInstanceOf(UsageException.class)
            .hasMessage("--seed must be a whole number, was 'abc'");
    }

    @Test
    void refusesAnExperimentKeyTheServiceWouldRefuse() {
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--experiment", "Home Ranking"), ROOT))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("--experiment must be an experiment key");
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--readers", "5"), ROOT))
            .isInstanceOf(UsageException.class)
            .hasMessage("unknown option --readers");
    }

}
