package io.curio.localstack.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchTests {

    @TempDir
    Path temp;

    /**
     * Secrets such as {@code CURIO_IMPRESSION_SIGNING_KEY} reach the services only this way, never on a command
     * line that any local user can read.
     */
    @Test
    void startsAProcessWithTheEnvironmentOfTheLauncherAndTheGivenVariables() throws Exception {
        // given
        Path log = this.temp.resolve("environment.log");
        List<String> command = List.of("sh", "-c", "printf '%s|%s' \"$PATH\" \"$CBOR_ENABLED\"");

        // when
        Process process = Launch.detached(command, log, this.temp, Map.of("CBOR_ENABLED", "false"));

        // then
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(log).hasContent(System.getenv("PATH") + "|false");
    }

}
