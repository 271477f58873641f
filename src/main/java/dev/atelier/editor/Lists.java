package dev.atelier.editor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies that keep null elements, so validation can point at them instead of failing to read. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
