package io.curio.localstack.dataset;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Splits off the future of the simulation readers before a history is imported, so that no model trained from the
 * hub and no reading history in the feature store has seen it.
 * <p>
 * The readers: those with at least {@value #MIN_POSITIVES} positive ratings, sorted by id, shuffled with the seed,
 * the first {@value #MAX_READERS}. Their future: the last fifth of each one's interactions (ratings and to-read
 * marks, rounded down) in the order the import dates them, which is the same on every import; ties keep the
 * dataset's order.
 */
public final class SimulationHoldout {

    /** The seed {@code up} uses. */
    public static final long DEFAULT_SEED = 20_240_601L;

    public static final int MAX_READERS = 5_000;

    public static final int MIN_POSITIVES = 10;

    public static final int POSITIVE_STARS = 4;

    /** One interaction in this many, the latest, is held back. */
    public static final int FUTURE_SHARE = 5;

    private SimulationHoldout() {
    }

    /**
     * A history split in two.
     * @param kept the dataset to import: everything but the held-back interactions
     * @param future the held-back interactions, reader by reader, oldest first
     * @param readers how many readers have a held-back future
     */
    public record Split(Dataset kept, List<HeldBack> future, int readers) {

        public Split {
            future = List.copyOf(future);
        }

    }

    public static Split split(Dataset dataset, long seed) {
        return split(dataset, seed, MAX_READERS);
    }

    static Split split(Dataset dataset, long seed, int maxReaders) {
        List<Interaction> history = dataset.interactions();
        List<String> chosen = chooseReaders(history, seed, maxReaders);
        Map<String, List<Integer>> positions = positionsOf(history, chosen);
        BitSet left = new BitSet(history.size());
        List<HeldBack> future = new ArrayList<>();
        Map<String, String> plans = dataset.readers().stream()
            .collect(Collectors.toMap(Reader::userId, Reader::plan, (first, second) -> first));
        for (String reader : chosen) {
            for (int position : latestFifth(history, positions.get(reader))) {
                left.set(position);
                future.add(new HeldBack(reader, plans.getOrDefault(reader, Reader.FREE), history.get(position)));
            }
        }
        return new Split(withoutPositions(dataset, left), future, chosen.size());
    }

    static boolean isPositive(Interaction interaction) {
        return interaction.isRating() && interaction.value() >= POSITIVE_STARS;
    }

    private static List<String> chooseReaders(List<Interaction> history, long seed, int maxReaders) {
        Map<String, Integer> positives = new HashMap<>();
        for (Interaction interaction : history) {
            if (isPositive(interaction)) {
                positives.merge(interaction.userId(), 1, Integer::sum);
            }
        }
        List<String> eligible = positives.entrySet().stream()
            .filter((entry) -> entry.getValue() >= MIN_POSITIVES)
            .map(Map.Entry::getKey)
            .sorted()
            .collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(eligible, new Random(seed));
        return List.copyOf(eligible.subList(0, Math.min(maxReaders, eligible.size())));
    }

    private static Map<String, List<Integer>> positionsOf(List<Interaction> history, List<String> readers) {
        Map<String, List<Integer>> positions = readers.stream()
            .collect(Collectors.toMap(Function.identity(), (reader) -> new ArrayList<>(), (a, b) -> a,
                    LinkedHashMap::new));
        for (int i = 0; i < history.size(); i++) {
            List<Integer> ofReader = positions.get(history.get(i).userId());
            if (ofReader != null) {
                ofReader.add(i);
            }
        }
        return positions;
    }

    /** The positions of the latest fifth, oldest first: the import dates an interaction further back the older. */
    private static List<Integer> latestFifth(List<Interaction> history, List<Integer> positions) {
        List<Integer> byDate = new ArrayList<>(positions);
        byDate.sort(Comparator.comparingLong((Integer position) -> ImportedEvents.millisBeforeImport(
                history.get(position))).reversed().thenComparing(Comparator.naturalOrder()));
        return byDate.subList(byDate.size() - byDate.size() / FUTURE_SHARE, byDate.size());
    }

    private static Dataset withoutPositions(Dataset dataset, BitSet left) {
        List<Interaction> history = dataset.interactions();
        List<Interaction> kept;
        if (history instanceof InteractionLog log) {
            kept = log.without(left);
        }
        else {
            kept = new ArrayList<>(history.size() - left.cardinality());
            for (int i = left.nextClearBit(0); i < history.size(); i = left.nextClearBit(i + 1)) {
                kept.add(history.get(i));
            }
        }
        return new Dataset(dataset.source(), dataset.books(), dataset.readers(), kept);
    }

}
