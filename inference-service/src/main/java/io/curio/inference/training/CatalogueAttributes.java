package io.curio.inference.training;

import java.util.List;

/**
 * Where training reads the attributes of the books that may be recommended.
 */
@FunctionalInterface
public interface CatalogueAttributes {

    List<BookAttributes> attributes();

}
