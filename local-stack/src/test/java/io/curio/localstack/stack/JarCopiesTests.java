package io.curio.localstack.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JarCopiesTests {

    @TempDir
    Path temp;

    @Test
    void runsFromACopyThatSurvivesARebuildOfTheSource() throws Exception {
        // given
        Path jar = Files.writeString(this.temp.resolve("feature-service.jar"), "first build");
        JarCopies copies = new JarCopies(new StackHome(this.temp.resolve("home")));
        Path copy = copies.stable(jar);

        // when
        Files.writeString(jar, "");

        // then
        assertThat(copy).isEqualTo(this.temp.resolve("home/jars/feature-service.jar")).hasContent("first build");
    }

    @Test
    void refreshesTheCopyWhenTheSourceChanged() throws Exception {
        Path jar = Files.writeString(this.temp.resolve("abtest-service.jar"), "first build");
        JarCopies copies = new JarCopies(new StackHome(this.temp.resolve("home")));
        copies.stable(jar);
        Files.writeString(jar, "second build");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));

        Path copy = copies.stable(jar);

        assertThat(copy).hasContent("second build");
    }

}
