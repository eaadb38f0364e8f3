package io.curio.inference.training;

import java.util.List;

/**
 * Everything a training reads: the positive interactions and the catalogue's book attributes.
 *
 * @param interactions positive interactions, with their signals
 * @param catalogue attributes of the books that may be recommended, possibly empty
 */
public record TrainingSet(Interactions interactions, List<BookAttributes> catalogue) {

    public TrainingSet {
        catalogue = List.copyOf(catalogue);
    }

}
