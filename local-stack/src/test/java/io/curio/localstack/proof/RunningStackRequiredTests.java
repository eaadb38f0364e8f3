package io.curio.localstack.proof;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.curio.localstack.stack.StackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunningStackRequiredTests {

    @TempDir
    Path home;

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void theFaultTestRefusesAStateFolderWithoutAStackAndSaysHowToStartOne() {
        FaultTestCommand command = new FaultTestCommand(Path.of("/repo"), this.out, Clock.systemUTC());

        assertThatThrownBy(() -> command.run(List.of("--home", this.home.toString())))
            .isInstanceOf(StackException.class)
            .hasMessage("no stack in " + this.home + "; start one with ./curio up --home " + this.home);
    }

    @Test
    void theBenchmarkRefusesAStateFolderWithoutAStack() {
        IngestionBenchCommand command = new IngestionBenchCommand(Path.of("/repo"), this.out, Clock.systemUTC());

        assertThatThrownBy(() -> command.run(List.of("--home", this.home.toString(), "--report",
                this.home.resolve("report.json").toString())))
            .isInstanceOf(StackException.class)
            .hasMessageStartingWith("no stack in " + this.home);
    }

}
