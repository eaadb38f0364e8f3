package io.curio.localstack.stack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PidFilesTests {

    @TempDir
    Path temp;

    @Test
    void readsBackTheRecordedPid() {
        PidFiles pids = new PidFiles(this.temp.resolve("pids"));

        pids.write("feature", 4242);

        assertThat(pids.read("feature")).hasValue(4242);
        assertThat(this.temp.resolve("pids/feature.pid")).hasContent("4242");
    }

    @Test
    void findsALiveProcessCarryingTheMarker() {
        // given
        PidFiles pids = new PidFiles(this.temp);
        long self = ProcessHandle.current().pid();
        pids.write("self", self);

        // when / then
        assertThat(pids.running("self", "java")).map(ProcessHandle::pid).hasValue(self);
    }

    @Test
    void ignoresALiveProcessWithoutTheMarker() {
        PidFiles pids = new PidFiles(this.temp);
        pids.write("self", ProcessHandle.current().pid());

        assertThat(pids.running("self", "gateway-service-0.1.0-SNAPSHOT.jar")).isEmpty();
    }

    @Test
    void treatsADeadPidAsNotRunning() throws Exception {
        // given
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        PidFiles pids = new PidFiles(this.temp);
        pids.write("gone", finished.pid());

        // when / then
        assertThat(pids.running("gone", "true")).isEmpty();
    }

    @Test
    void treatsMissingOrGarbledFilesAsNoPid() throws Exception {
        PidFiles pids = new PidFiles(this.temp);
        Files.writeString(pids.file("garbled"), "not a pid");

        assertThat(pids.read("missing")).isEmpty();
        assertThat(pids.read("garbled")).isEmpty();
    }

    @Test
    void removesThePidFile() {
        PidFiles pids = new PidFiles(this.temp);
        pids.write("abtest", 1);

        pids.remove("abtest");

        assertThat(pids.file("abtest")).doesNotExist();
    }

}
