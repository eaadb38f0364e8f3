package io.curio.localstack.simulation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.curio.localstack.Curio;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTests {

    @TempDir
    Path home;

    @Test
    void exitsWithTwoAndOneLineWhenNoStackIsUp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Curio.run(List.of("simulate", "--home", this.home.toString()), new PrintStream(
                new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("curio: no stack in " + this.home)
            .hasLineCount(1);
    }

    @Test
    void exitsWithTwoOnABadOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Curio.run(List.of("simulate", "--minutes", "zero"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--minutes must be a whole number, was 'zero'");
    }

}
