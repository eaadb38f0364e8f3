package io.curio.inference.evaluation;

import java.util.List;

import io.curio.inference.training.BookAttributes;
import io.curio.inference.training.Interactions;

/**
 * What an offline evaluation reads.
 *
 * @param dataset where the data came from, for the report
 * @param interactions every positive interaction
 * @param lowRatings the books readers rated below 4
 * @param catalogue the attributes of the catalogue's books
 * @param catalogueBooks how many books the catalogue holds
 */
public record EvaluationData(String dataset, Interactions interactions, LowRatings lowRatings,
        List<BookAttributes> catalogue, int catalogueBooks) {

    public EvaluationData {
        catalogue = List.copyOf(catalogue);
    }

}
