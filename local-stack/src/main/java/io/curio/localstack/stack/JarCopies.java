package io.curio.localstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/**
 * Runs processes from copies of their jars in the state folder, so that rebuilding a module while the stack runs
 * (which rewrites {@code target/*.jar} in place) cannot pull classes out from under a running JVM. A copy is
 * refreshed when its source changed, and takes effect when the process next starts.
 */
final class JarCopies {

    private final Path folder;

    JarCopies(StackHome home) {
        this.folder = home.root().resolve("jars");
    }

    /** The copy to run: refreshed from the source unless it already matches it in size and time. */
    Path stable(Path jar) {
        Path copy = this.folder.resolve(jar.getFileName());
        try {
            if (!matches(jar, copy)) {
                Files.createDirectories(this.folder);
                Path partial = this.folder.resolve(jar.getFileName() + ".partial");
                Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        }
        catch (IOException ex) {
            throw new StackException("cannot copy " + jar + " into " + this.folder, ex);
        }
    }

    private static boolean matches(Path jar, Path copy) throws IOException {
        if (!Files.isRegularFile(copy)) {
            return false;
        }
        FileTime source = Files.getLastModifiedTime(jar);
        return Files.size(jar) == Files.size(copy) && source.equals(Files.getLastModifiedTime(copy));
    }

}
