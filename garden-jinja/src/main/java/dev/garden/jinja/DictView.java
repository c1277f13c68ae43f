package dev.garden.jinja;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * What {@code dict.items()}, {@code keys()} and {@code values()} return: iterable any number of times, with a
 * length, but not indexable, and printed as {@code dict_items([...])}.
 */
final class DictView extends AbstractList<Object> implements RandomAccess {
    private final String kind;
    private final List<Object> items;

    DictView(String kind, List<Object> items) {
        this.kind = kind;
        this.items = items;
    }

    String kind() {
        return kind;
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
