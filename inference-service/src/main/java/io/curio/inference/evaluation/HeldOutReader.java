package io.curio.inference.evaluation;

import java.util.List;

import io.curio.inference.model.Signal;

/**
 * One held-out reader: what a model is told about them, what it should find, and what it may not list.
 *
 * @param userId the reader
 * @param input the books the model is told about, distinct
 * @param inputSignals the signal of each input book
 * @param targets the held-out strong positives
 * @param excluded books never counted in a list: the input's strong positives and the books rated below 4,
 *     targets excepted
 */
public record HeldOutReader(String userId, List<String> input, List<Signal> inputSignals, List<String> targets,
        List<String> excluded) {

    public HeldOutReader {
        input = List.copyOf(input);
        inputSignals = List.copyOf(inputSignals);
        targets = List.copyOf(targets);
        excluded = List.copyOf(excluded);
        if (input.size() != inputSignals.size()) {
            throw new IllegalArgumentException(input.size() + " input books but " + inputSignals.size() + " signals");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a held-out reader needs at least one target: " + userId);
        }
    }

}
