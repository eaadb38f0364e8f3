package io.curio.inference.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The small goodbooks extract beside the checkout: {@code ../shared/data/goodbooks-10k-small} of the folder that
 * holds {@code mvnw}.
 */
final class SmallDataset {

    private SmallDataset() {
    }

    static Path folder() {
        Path checkout = Stream.iterate(Path.of("").toAbsolutePath(), (dir) -> dir != null, Path::getParent)
            .filter((dir) -> Files.exists(dir.resolve("mvnw")))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no checkout above " + Path.of("").toAbsolutePath()));
        return checkout.resolveSibling("shared").resolve("data").resolve("goodbooks-10k-small");
    }

}
