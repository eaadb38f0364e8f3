package io.curio.inference.training;

import java.time.Duration;

import io.curio.events.EventType;
import org.junit.jupiter.api.Test;

import static io.curio.inference.training.Events.T0;
import static io.curio.inference.training.Events.event;
import static io.curio.inference.training.Events.liked;
import static org.assertj.core.api.Assertions.assertThat;

class InteractionsBuilderTests {

    @Test
    void keepsOnlyPositiveInteractions() {
        InteractionsBuilder builder = new InteractionsBuilder();
        builder.add(event("u1", EventType.RATE, "b1", 5, T0));
        builder.add(event("u1", EventType.RATE, "b2", 2, T0));
        builder.add(event("u1", EventType.IMPRESSION, null, null, T0));
        builder.add(event("u2", EventType.CLICK, "b3", null, T0));

        Interactions interactions = builder.build();

        assertThat(interactions.eventsRead()).isEqualTo(4);
        assertThat(interactions.size()).isEqualTo(2);
        assertThat(interactions.bookIds()).containsExactly("b1", "b3");
        assertThat(interactions.userIds()).containsExactly("u1", "u2");
    }

    @Test
    void deduplicatesPerUserAndBookKeepingTheLatestTime() {
        InteractionsBuilder builder = new InteractionsBuilder();
        builder.add(liked("u1", "b1", T0.plus(Duration.ofHours(2))));
        builder.add(liked("u1", "b1", T0));
        builder.add(event("u1", EventType.FINISH, "b1", null, T0.plus(Duration.ofHours(1))));
        builder.add(liked("u2", "b1", T0));

        Interactions interactions = builder.build();

        assertThat(interactions.size()).isEqualTo(2);
        assertThat(interactions.readersOf(0)).isEqualTo(2);
        assertThat(interactions.userSeconds()[0]).isEqualTo(7200);
        assertThat(interactions.dataFrom()).isEqualTo(T0);
        assertThat(interactions.dataTo()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void buildsRowsByUserAndColumnsByBook() {
        InteractionsBuilder builder = new InteractionsBuilder();
        builder.add(liked("u1", "b2"));
        builder.add(liked("u1", "b1"));
        builder.add(liked("u2", "b1"));

        Interactions interactions = builder.build();

        assertThat(interactions.userOffsets()).containsExactly(0, 2, 3);
        assertThat(interactions.userBooks()).containsExactly(0, 1, 1);
        assertThat(interactions.bookOffsets()).containsExactly(0, 1, 3);
        assertThat(interactions.bookUsers()).containsExactly(0, 0, 1);
    }

    @Test
    void buildsEmptyInteractionsFromNoEvents() {
        Interactions interactions = new InteractionsBuilder().build();

        assertThat(interactions.size()).isZero();
        assertThat(interactions.books()).isZero();
        assertThat(interactions.userOffsets()).containsExactly(0);
    }

}
