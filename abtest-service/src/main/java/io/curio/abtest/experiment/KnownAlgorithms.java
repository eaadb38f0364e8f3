package io.curio.abtest.experiment;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import org.springframework.stereotype.Component;

import io.curio.abtest.AbtestProperties;

/**
 * The algorithms inference-service can serve ({@code curio.abtest.known-algorithms}). A variant's model is
 * {@code algorithm} or {@code algorithm@version}, with a version shaped {@code YYYY-MM-DDTHH-MM-SSZ}, so that
 * an experiment is never started on a model that would be served by another one.
 */
@Component
public class KnownAlgorithms {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'")
        .withResolverStyle(ResolverStyle.STRICT);

    private final List<String> names;

    KnownAlgorithms(AbtestProperties properties) {
        this.names = properties.knownAlgorithms();
    }

    /** Refuses the first variant whose model names an unknown algorithm or a malformed version. */
    void check(List<Variant> variants) {
        for (int i = 0; i < variants.size(); i++) {
            checkModel("variants[" + i + "].model", variants.get(i).model());
        }
    }

    private void checkModel(String field, String model) {
        int at = model.indexOf('@');
        String algorithm = (at < 0) ? model : model.substring(0, at);
        if (!this.names.contains(algorithm)) {
            throw new InvalidExperimentException(field,
                    "unknown algorithm '" + algorithm + "', known: " + String.join(", ", this.names));
        }
        if (at >= 0 && !isVersion(model.substring(at + 1))) {
            throw new InvalidExperimentException(field,
                    "version '" + model.substring(at + 1) + "' must be shaped YYYY-MM-DDTHH-MM-SSZ");
        }
    }

    private static boolean isVersion(String version) {
        try {
            VERSION.parse(version);
            return true;
        }
        catch (DateTimeParseException ex) {
            return false;
        }
    }

}
