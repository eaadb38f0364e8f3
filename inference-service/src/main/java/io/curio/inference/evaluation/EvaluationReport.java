package io.curio.inference.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.curio.inference.training.Interactions;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an evaluation run writes as JSON: the protocol, the data, the machine and every number measured.
 *
 * @param protocol how readers were held out
 * @param data what was read
 * @param heldOutReaders how many readers were held out
 * @param results one entry per algorithm
 */
record EvaluationReport(EvaluationProtocol protocol, EvaluationData data, int heldOutReaders,
        List<AlgorithmResult> results) {

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out, asJson());
        }
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measuredAt", Instant.now().toString());
        json.put("protocol", protocolJson());
        json.put("dataset", datasetJson());
        json.put("machine", Map.of("processors", Runtime.getRuntime().availableProcessors(), "maxHeapBytes",
                Runtime.getRuntime().maxMemory(), "java", System.getProperty("java.version")));
        json.put("results", this.results.stream().map(EvaluationReport::resultJson).toList());
        return json;
    }

    private Map<String, Object> protocolJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", this.protocol.seed());
        json.put("usersRequested", this.protocol.users());
        json.put("usersHeldOut", this.heldOutReaders);
        json.put("minStrongPositives", EvaluationProtocol.MIN_POSITIVES);
        json.put("inputFraction", 1 - EvaluationProtocol.TARGET_FRACTION);
        json.put("targetFraction", EvaluationProtocol.TARGET_FRACTION);
        json.put("positives", "strong signals: ratings of 4 and 5");
        json.put("toRead", this.protocol.toRead() ? "input and training data, never targets" : "not used");
        json.put("excluded", "the reader's input strong positives and ratings below 4; targets never");
        json.put("ties", "equal scores are ordered by the model's popularity ranking");
        json.put("listLength", EvaluationProtocol.LIST_LENGTH);
        return json;
    }

    private Map<String, Object> datasetJson() {
        Interactions interactions = this.data.interactions();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", this.data.dataset());
        json.put("readers", interactions.users());
        json.put("booksWithInteractions", interactions.books());
        json.put("positiveInteractions", interactions.size());
        json.put("catalogueBooks", this.data.catalogueBooks());
        return json;
    }

    private static Map<String, Object> resultJson(AlgorithmResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("algorithm", result.algorithm());
        json.put("parameters", new TreeMap<>(result.parameters()));
        json.put("metrics", result.metrics().asMap());
        json.put("readersRanked", result.metrics().readers());
        json.put("trainingSeconds", result.trainingSeconds());
        json.put("scoringMicrosP50", result.scoring().medianMicros());
        json.put("scoringMicrosP99", result.scoring().p99Micros());
        json.put("books", result.books());
        json.put("modelBytes", result.modelBytes());
        return json;
    }

}
