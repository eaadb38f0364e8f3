package io.curio.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurioTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsUsageOnHelp() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(text(this.out)).contains("Usage: ./curio COMMAND", "up", "down", "status", "token");
    }

    @Test
    void failsWithOneLineOnUnknownCommand() {
        int code = run("sideways");

        assertThat(code).isEqualTo(2);
        assertThat(text(this.err)).isEqualTo("curio: unknown command 'sideways' (see ./curio --help)\n");
    }

    @Test
    void failsWithoutStackTraceUnlessVerbose() {
        int quiet = run("token", "42", "--plan", "gold");
        String quietError = text(this.err);
        this.err.reset();
        int verbose = run("token", "42", "--plan", "gold", "--verbose");

        assertThat(quiet).isEqualTo(1);
        assertThat(verbose).isEqualTo(1);
        assertThat(quietError).isEqualTo("curio: plan must be free or premium, was 'gold'\n");
        assertThat(text(this.err)).contains("at io.curio.localstack");
    }

    private int run(String... args) {
        return Curio.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

}
