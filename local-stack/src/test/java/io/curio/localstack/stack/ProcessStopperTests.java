package io.curio.localstack.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStopperTests {

    @TempDir
    Path temp;

    @Test
    void stopsARecordedProcessCarryingItsMarkerAndRemovesThePidFile() throws Exception {
        // given
        StackHome home = new StackHome(this.temp);
        Process sleeper = started(new ProcessBuilder("bash", "-c", "while true; do sleep 0.1; done",
                home.kinesis().toString()), "while");
        home.pids().write(Processes.KINESIS, sleeper.pid());

        // when
        List<String> stopped = new ProcessStopper(home, Duration.ofSeconds(5)).stop(List.of(Processes.KINESIS));

        // then
        assertThat(stopped).containsExactly(Processes.KINESIS);
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(home.pids().file(Processes.KINESIS)).doesNotExist();
    }

    @Test
    void killsAProcessThatIgnoresSigtermOnceTheGracePeriodEnds() throws Exception {
        StackHome home = new StackHome(this.temp);
        Process stubborn = started(new ProcessBuilder("bash", "-c", "trap '' TERM; while true; do sleep 0.1; done",
                home.kinesis().toString()), "trap");
        home.pids().write(Processes.KINESIS, stubborn.pid());

        new ProcessStopper(home, Duration.ofMillis(500)).stop(List.of(Processes.KINESIS));

        assertThat(stubborn.isAlive()).isFalse();
    }

    @Test
    void leavesAloneAProcessWhosePidWasReusedBySomethingElse() throws Exception {
        StackHome home = new StackHome(this.temp);
        Process stranger = started(new ProcessBuilder("sleep", "300"), "sleep");
        home.pids().write(Processes.KINESIS, stranger.pid());
        try {
            List<String> stopped = new ProcessStopper(home, Duration.ofSeconds(1)).stop(List.of(Processes.KINESIS));

            assertThat(stopped).isEmpty();
            assertThat(stranger.isAlive()).isTrue();
        }
        finally {
            stranger.destroyForcibly();
        }
    }

    /** Starts the command and waits until it has replaced the launching process image. */
    private static Process started(ProcessBuilder builder, String word) throws Exception {
        Process process = builder.start();
        for (int i = 0; i < 100 && !PidFiles.commandLine(process.toHandle()).contains(word); i++) {
            Thread.sleep(20);
        }
        return process;
    }

}
