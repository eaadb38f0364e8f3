package io.curio.inference.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.curio.inference.model.Signal;
import io.curio.inference.training.Interactions;
import io.curio.inference.training.InteractionsBuilder;

/**
 * The seeded split of an evaluation: held-out readers with their input and targets, and one training set of every
 * other reader's interactions in full plus the held-out readers' input.
 *
 * @param training what the models are trained on
 * @param readers the held-out readers, in the seeded order they were drawn
 */
public record HeldOutSplit(Interactions training, List<HeldOutReader> readers) {

    public HeldOutSplit {
        readers = List.copyOf(readers);
    }

    /**
     * Splits interactions as {@code protocol} says. Readers are drawn among those with at least
     * {@link EvaluationProtocol#MIN_POSITIVES} strong positives, in an order that depends only on the seed and the
     * ids, and each drawn reader's targets only on the seed, their id and their books.
     */
    public static HeldOutSplit of(Interactions all, LowRatings lowRatings, EvaluationProtocol protocol) {
        int[] drawn = drawReaders(all, protocol);
        boolean[][] targetFlags = new boolean[all.users()][];
        List<HeldOutReader> readers = new ArrayList<>(drawn.length);
        for (int user : drawn) {
            targetFlags[user] = drawTargets(all, user, protocol.seed());
            readers.add(heldOutReader(all, user, targetFlags[user], lowRatings, protocol.toRead()));
        }
        return new HeldOutSplit(training(all, targetFlags, protocol.toRead()), readers);
    }

    private static int[] drawReaders(Interactions all, EvaluationProtocol protocol) {
        List<Integer> eligible = IntStream.range(0, all.users())
            .filter((user) -> strongPositives(all, user) >= EvaluationProtocol.MIN_POSITIVES)
            .boxed()
            .sorted(Comparator.comparing((Integer user) -> all.userIds()[user]))
            .collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(eligible, new Random(protocol.seed()));
        return eligible.stream().limit(protocol.users()).mapToInt(Integer::intValue).toArray();
    }

    private static int strongPositives(Interactions all, int user) {
        int count = 0;
        for (int i = all.userOffsets()[user]; i < all.userOffsets()[user + 1]; i++) {
            if (all.signalAt(i) == Signal.STRONG) {
                count++;
            }
        }
        return count;
    }

    /** Flags, by position in the reader's row, the strong positives held out as targets. */
    private static boolean[] drawTargets(Interactions all, int user, long seed) {
        int start = all.userOffsets()[user];
        List<Integer> strong = IntStream.range(start, all.userOffsets()[user + 1])
            .filter((i) -> all.signalAt(i) == Signal.STRONG)
            .boxed()
            .sorted(Comparator.comparing((Integer i) -> all.bookIds()[all.userBooks()[i]]))
            .collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(strong, new Random(seed ^ (all.userIds()[user].hashCode() * 0x9E3779B97F4A7C15L)));
        boolean[] targets = new boolean[all.userOffsets()[user + 1] - start];
        for (int position : strong.subList(0, EvaluationProtocol.targetCount(strong.size()))) {
            targets[position - start] = true;
        }
        return targets;
    }

    private static HeldOutReader heldOutReader(Interactions all, int user, boolean[] targetFlags,
            LowRatings lowRatings, boolean toRead) {
        String userId = all.userIds()[user];
        List<String> input = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        Set<String> excluded = new HashSet<>(lowRatings.of(userId));
        int start = all.userOffsets()[user];
        for (int i = start; i < all.userOffsets()[user + 1]; i++) {
            String bookId = all.bookIds()[all.userBooks()[i]];
            Signal signal = all.signalAt(i);
            if (targetFlags[i - start]) {
                targets.add(bookId);
            }
            else if (signal == Signal.STRONG || toRead) {
                input.add(bookId);
                signals.add(signal);
                if (signal == Signal.STRONG) {
                    excluded.add(bookId);
                }
            }
        }
        excluded.removeAll(targets);
        return new HeldOutReader(userId, input, signals, targets, excluded.stream().sorted().toList());
    }

    private static Interactions training(Interactions all, boolean[][] targetFlags, boolean toRead) {
        InteractionsBuilder builder = new InteractionsBuilder();
        for (int user = 0; user < all.users(); user++) {
            int start = all.userOffsets()[user];
            for (int i = start; i < all.userOffsets()[user + 1]; i++) {
                boolean target = targetFlags[user] != null && targetFlags[user][i - start];
                Signal signal = all.signalAt(i);
                if (!target && (signal == Signal.STRONG || toRead)) {
                    builder.addPositive(all.userIds()[user], all.bookIds()[all.userBooks()[i]],
                            all.firstSecond() + all.userSeconds()[i], signal);
                }
            }
        }
        return sameHistory(builder.build(), all);
    }

    /** The training interactions, read from the same events as {@code all}: same newest event and count. */
    private static Interactions sameHistory(Interactions training, Interactions all) {
        return new Interactions(training.userIds(), training.bookIds(), training.userOffsets(), training.userBooks(),
                training.userSeconds(), training.userSignals(), training.bookOffsets(), training.bookUsers(),
                training.firstSecond(), all.newestSecond(), all.eventsRead());
    }

}
