package io.curio.localstack.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared datasets beside the repository: {@code ../shared/data} from the folder that holds
 * {@code mvnw}, found by walking up from the working directory.
 */
final class SharedData {

    private SharedData() {
    }

    static Path folder(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir.resolveSibling("shared").resolve("data").resolve(name);
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }

}
