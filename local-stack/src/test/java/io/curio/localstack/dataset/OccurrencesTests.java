package io.curio.localstack.dataset;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OccurrencesTests {

    private static final List<Interaction> HISTORY = List.of(Interaction.rating("7", "1", 4),
            Interaction.rating("7", "2", 4), Interaction.rating("7", "1", 5), Interaction.toRead("7", "1"),
            Interaction.rating("7", "1", 4), Interaction.rating("8", "1", 4));

    @Test
    void numbersRepeatsOfTheSameReaderTypeAndBook() {
        assertThat(Occurrences.of(HISTORY)).containsExactly(0, 0, 1, 0, 2, 0);
    }

    @Test
    void numbersTheCompactHistoryTheSameWay() {
        InteractionLog.Builder log = InteractionLog.builder();
        HISTORY.forEach((interaction) -> {
            if (interaction.isRating()) {
                log.rating(interaction.userId(), interaction.bookId(), interaction.value());
            }
            else {
                log.toRead(interaction.userId(), interaction.bookId());
            }
        });

        assertThat(Occurrences.of(log.build())).containsExactly(0, 0, 1, 0, 2, 0);
    }

}
