package io.curio.localstack.infra;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded fallbacks, used when nothing answers on the default PostgreSQL and Redis ports: here the "default"
 * port is one where nothing listens.
 */
class EmbeddedServersIT {

    @TempDir
    Path temp;

    @Test
    void startsEmbeddedPostgresWhoseDatabaseOutlivesARestart() {
        // given
        Path data = this.temp.resolve("pg");
        int nothingThere = FreePorts.find();
        int port = FreePorts.find();
        long postmaster;
        try (LocalPostgres first = LocalPostgres.existingOrEmbedded(nothingThere, data, port, "curio",
                this.temp.resolve("pg.log"))) {
            assertThat(first.embedded()).isTrue();
            assertThat(LocalPostgres.answers(port, "curio")).isTrue();
            postmaster = first.postmasterPid().orElseThrow();
        }

        // when
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
        try (LocalPostgres second = LocalPostgres.existingOrEmbedded(nothingThere, data, port, "other",
                this.temp.resolve("pg.log"))) {

            // then
            assertThat(LocalPostgres.answers(port, "curio")).isTrue();
            assertThat(LocalPostgres.answers(port, "other")).isTrue();
        }
        assertThat(FreePorts.isListening(port)).isFalse();
    }

    @Test
    void startsEmbeddedRedisOnLoopbackAndStopsIt() {
        int port = FreePorts.find();
        long pid;
        try (LocalRedis redis = LocalRedis.existingOrEmbedded(FreePorts.find(), port)) {
            assertThat(redis.embedded()).isTrue();
            assertThat(LocalRedis.answersPing(port)).isTrue();
            pid = redis.serverPid().orElseThrow();
        }

        assertThat(LocalRedis.answersPing(port)).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void usesTheRunningServersWhenTheyAnswer() {
        try (LocalPostgres postgres = LocalPostgres.existingOrEmbedded(this.temp.resolve("pg"), FreePorts.find(),
                "curio_it_existing", this.temp.resolve("pg.log")); LocalRedis redis = LocalRedis.existingOrEmbedded(
                        FreePorts.find())) {
            assertThat(postgres.embedded()).isFalse();
            assertThat(postgres.port()).isEqualTo(LocalPostgres.DEFAULT_PORT);
            assertThat(redis.embedded()).isFalse();
        }
        finally {
            LocalPostgres.dropDatabase(LocalPostgres.DEFAULT_PORT, "curio_it_existing");
        }
    }

}
