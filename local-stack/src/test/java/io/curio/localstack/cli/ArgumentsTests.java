package io.curio.localstack.cli;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentsTests {

    private static final Set<String> VALUES = Set.of("home", "port-offset");

    private static final Set<String> FLAGS = Set.of("wipe");

    @Test
    void readsOptionsWithSeparateAndInlineValues() {
        // given
        List<String> args = List.of("--home", "/tmp/a", "--port-offset=100", "--wipe");

        // when
        Arguments arguments = Arguments.parse(args, VALUES, FLAGS);

        // then
        assertThat(arguments.value("home")).contains("/tmp/a");
        assertThat(arguments.intValue("port-offset", 0, 0, 1000)).isEqualTo(100);
        assertThat(arguments.has("wipe")).isTrue();
        assertThat(arguments.positionals()).isEmpty();
    }

    @Test
    void keepsPositionalsInOrder() {
        Arguments arguments = Arguments.parse(List.of("42", "--home", "x"), VALUES, FLAGS);

        assertThat(arguments.requiredPositional("USER")).isEqualTo("42");
    }

    @Test
    void rejectsUnknownOption() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--colour", "red"), VALUES, FLAGS))
            .isInstanceOf(UsageException.class)
            .hasMessage("unknown option --colour");
    }

    @Test
    void rejectsOptionWithoutValue() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--home", "--wipe"), VALUES, FLAGS))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("--home needs a value");
    }

    @Test
    void rejectsNumberOutOfBounds() {
        Arguments arguments = Arguments.parse(List.of("--port-offset", "-5"), VALUES, FLAGS);

        assertThatThrownBy(() -> arguments.intValue("port-offset", 0, 0, 1000))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("between 0 and 1000, was -5");
    }

    @Test
    void rejectsTextWhereANumberBelongs() {
        Arguments arguments = Arguments.parse(List.of("--port-offset", "ten"), VALUES, FLAGS);

        assertThatThrownBy(() -> arguments.intValue("port-offset", 0, 0, 1000))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("whole number, was 'ten'");
    }

    @Test
    void rejectsPositionalsWhereNoneBelong() {
        Arguments arguments = Arguments.parse(List.of("extra"), VALUES, FLAGS);

        assertThatThrownBy(arguments::withoutPositionals).hasMessageContaining("unexpected argument 'extra'");
    }

    @Test
    void asksForAMissingPositional() {
        Arguments arguments = Arguments.parse(List.of(), VALUES, FLAGS);

        assertThatThrownBy(() -> arguments.requiredPositional("USER")).hasMessage("missing USER");
    }

}
