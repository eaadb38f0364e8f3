package io.curio.inference.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The books of a model, by dense index, and the way back from a book id to its index.
 */
public final class BookIndex {

    private final String[] ids;

    private final Map<String, Integer> indexes;

    public BookIndex(String[] ids) {
        this.ids = ids.clone();
        this.indexes = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (this.indexes.put(ids[i], i) != null) {
                throw new IllegalArgumentException("book id appears twice in a model: " + ids[i]);
            }
        }
    }

    public int size() {
        return this.ids.length;
    }

    public String id(int index) {
        return this.ids[index];
    }

    /** The index of a book, or -1 when the model does not know it. */
    public int indexOf(String id) {
        Integer index = this.indexes.get(id);
        return (index != null) ? index : -1;
    }

    public List<String> ids() {
        return List.of(this.ids);
    }

}
