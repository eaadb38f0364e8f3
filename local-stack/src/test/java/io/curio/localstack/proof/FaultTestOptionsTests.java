package io.curio.localstack.proof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultTestOptionsTests {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void spreadsTheDefaultRunOverAMinuteWithTwoKillsEach() {
        FaultTestCommand.Options options = FaultTestCommand.Options.parse(List.of(), ROOT);

        assertThat(options.home().root()).isEqualTo(Path.of("/repo/.curio"));
        assertThat(options.events()).isEqualTo(2_000);
        assertThat(options.killsEach()).isEqualTo(2);
        assertThat(options.sending()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
        assertThat(options.report()).isNull();
    }

    @Test
    void takesEveryOption() {
        FaultTestCommand.Options options = FaultTestCommand.Options.parse(List.of("--events", "1000", "--kills", "1",
                "--rate", "50", "--home", "/tmp/stack", "--report", "/tmp/report.json"), ROOT);

        assertThat(options.events()).isEqualTo(1000);
        assertThat(options.killsEach()).isEqualTo(1);
        assertThat(options.sending()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.home().root()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(options.report()).isEqualTo(Path.of("/tmp/report.json"));
    }

}
