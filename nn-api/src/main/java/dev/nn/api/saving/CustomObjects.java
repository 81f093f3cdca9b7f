package dev.nn.api.saving;

import java.util.Map;
import java.util.function.Supplier;

/** The user's classes by name, as Keras's {@code custom_objects}: how a file names what nn cannot rebuild. */
record CustomObjects(Map<String, ? extends Supplier<?>> suppliers) {

    static final CustomObjects NONE = new CustomObjects(Map.of());

    /** The key a custom object is saved under: its class's simple name. */
    static String nameOf(Object o) {
        return o.getClass().getSimpleName();
    }

    boolean has(String name) {
        return suppliers.containsKey(name);
    }

    /** A new instance of the object saved as {@code name}; fails saying how to register it. */
    <T> T create(String name, Class<T> type, String what) {
        Supplier<?> s = suppliers.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + name + "': pass a supplier for it in the customObjects "
                    + "of Models.load, e.g. Map.of(\"" + name + "\", " + name + "::new)");
        }
        Object o = s.get();
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException("customObjects '" + name + "' made a " + o.getClass().getName() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(o);
    }
}
