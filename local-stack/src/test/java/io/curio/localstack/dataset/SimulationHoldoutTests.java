package io.curio.localstack.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationHoldoutTests {

    private static final Dataset SAMPLE = Datasets.sample(42);

    @TempDir
    Path temp;

    @Test
    void choosesTheSameReadersAndInteractionsForTheSameSeed() {
        SimulationHoldout.Split first = SimulationHoldout.split(SAMPLE, 3);
        SimulationHoldout.Split second = SimulationHoldout.split(SAMPLE, 3);

        assertThat(second.future()).isEqualTo(first.future());
        assertThat(second.kept().interactions()).isEqualTo(first.kept().interactions());
    }

    @Test
    void choosesOtherReadersForAnotherSeed() {
        Set<String> first = readers(SimulationHoldout.split(SAMPLE, 3, 100).future());
        Set<String> other = readers(SimulationHoldout.split(SAMPLE, 4, 100).future());

        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void keepsEveryInteractionExactlyOnceEitherInTheImportOrInTheFuture() {
        SimulationHoldout.Split split = SimulationHoldout.split(SAMPLE, 3);
        List<Interaction> rejoined = new ArrayList<>(split.kept().interactions());
        split.future().forEach((held) -> rejoined.add(held.interaction()));

        assertThat(split.future()).isNotEmpty();
        assertThat(rejoined).containsExactlyInAnyOrderElementsOf(SAMPLE.interactions());
        assertThat(split.kept().interactions()).hasSize(SAMPLE.interactions().size() - split.future().size());
    }

    @Test
    void holdsBackTheLatestFifthOfAtMostMaxReadersWithTenLikedBooks() {
        SimulationHoldout.Split split = SimulationHoldout.split(SAMPLE, 3);
        Map<String, List<Interaction>> history = SAMPLE.interactions().stream()
            .collect(Collectors.groupingBy(Interaction::userId));

        assertThat(split.readers()).isEqualTo(readers(split.future()).size())
            .isLessThanOrEqualTo(SimulationHoldout.MAX_READERS);
        for (String reader : readers(split.future())) {
            List<Interaction> all = history.get(reader);
            List<HeldBack> held = split.future().stream().filter((h) -> h.userId().equals(reader)).toList();
            assertThat(all.stream().filter(SimulationHoldout::isPositive).count()).isGreaterThanOrEqualTo(10);
            assertThat(held).hasSize(all.size() / 5);
            long newestKept = split.kept().interactions().stream().filter((i) -> i.userId().equals(reader))
                .mapToLong(ImportedEvents::millisBeforeImport).min().orElseThrow();
            assertThat(held).allSatisfy((h) -> assertThat(ImportedEvents.millisBeforeImport(h.interaction()))
                .isLessThanOrEqualTo(newestKept));
        }
    }

    @Test
    void carriesEachReadersPlanFromTheDataset() {
        Map<String, String> plans = SAMPLE.readers().stream().collect(Collectors.toMap(Reader::userId, Reader::plan));

        assertThat(SimulationHoldout.split(SAMPLE, 3).future())
            .allSatisfy((held) -> assertThat(held.plan()).isEqualTo(plans.get(held.userId())));
    }

    @Test
    void readsBackTheFutureItWrote() {
        List<HeldBack> future = SimulationHoldout.split(SAMPLE, 3).future();
        Path file = this.temp.resolve("simulation/future.tsv");

        HeldBackFile.write(file, future);

        assertThat(HeldBackFile.read(file)).isEqualTo(future);
    }

    private static Set<String> readers(List<HeldBack> future) {
        return future.stream().map(HeldBack::userId).collect(Collectors.toCollection(HashSet::new));
    }

}
