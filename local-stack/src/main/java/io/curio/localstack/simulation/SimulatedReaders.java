package io.curio.localstack.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import io.curio.localstack.dataset.HeldBack;

/**
 * Chooses the readers of a run from the held-back future: those with at least one liked book in it, sorted by id,
 * shuffled with the seed, the first {@code users}.
 */
final class SimulatedReaders {

    private SimulatedReaders() {
    }

    static List<SimulatedReader> choose(List<HeldBack> future, int users, long seed) {
        Map<String, Set<String>> liked = new TreeMap<>();
        Map<String, String> plans = new TreeMap<>();
        for (HeldBack held : future) {
            if (held.isPositive()) {
                liked.computeIfAbsent(held.userId(), (user) -> new LinkedHashSet<>()).add(held.interaction().bookId());
                plans.put(held.userId(), held.plan());
            }
        }
        List<String> ids = new ArrayList<>(liked.keySet());
        Collections.shuffle(ids, new Random(seed));
        return ids.subList(0, Math.min(users, ids.size())).stream()
            .map((id) -> new SimulatedReader(id, plans.get(id), platform(id, seed), liked.get(id)))
            .toList();
    }

    private static String platform(String userId, long seed) {
        return (Math.floorMod(userId.hashCode() ^ Long.hashCode(seed), 2) == 0) ? "ios" : "android";
    }

}
