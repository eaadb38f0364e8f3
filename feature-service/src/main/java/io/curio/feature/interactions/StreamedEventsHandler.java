package io.curio.feature.interactions;

import java.util.ArrayList;
import java.util.List;

import io.curio.events.DecodedEvent;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.EventBatchHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch from the engagement stream: the valid events about a book become interactions,
 * all in one transaction, and event ids already stored are skipped so a redelivered batch changes
 * nothing. Invalid records and events not about a book are skipped and counted.
 */
@Component
public class StreamedEventsHandler implements EventBatchHandler {

    private final InteractionRows rows;

    private final TransactionTemplate transactions;

    private final Counter applied;

    private final Counter invalid;

    private final Counter notAboutABook;

    private final Counter duplicates;

    StreamedEventsHandler(InteractionRows rows, TransactionTemplate transactions, MeterRegistry meters) {
        this.rows = rows;
        this.transactions = transactions;
        this.applied = meters.counter("curio.feature.events.applied");
        this.invalid = skipped(meters, "invalid");
        this.notAboutABook = skipped(meters, "not-about-a-book");
        this.duplicates = skipped(meters, "duplicate");
    }

    @Override
    public void handle(EventBatch batch) {
        List<Interaction> interactions = interactionsOf(batch);
        Integer inserted = this.transactions.execute((status) -> this.rows.insertNew(interactions));
        int insertedCount = (inserted != null) ? inserted : 0;
        this.applied.increment(insertedCount);
        this.duplicates.increment(interactions.size() - insertedCount);
    }

    private List<Interaction> interactionsOf(EventBatch batch) {
        List<Interaction> interactions = new ArrayList<>(batch.records().size());
        for (EventBatch.Record record : batch.records()) {
            if (!(record.decoded() instanceof DecodedEvent.Valid valid) || !Interaction.isStorable(valid.event())) {
                this.invalid.increment();
                continue;
            }
            Interaction.of(valid.event()).ifPresentOrElse(interactions::add, this.notAboutABook::increment);
        }
        return interactions;
    }

    private static Counter skipped(MeterRegistry meters, String reason) {
        return Counter.builder("curio.feature.events.skipped").tag("reason", reason).register(meters);
    }

}
