package dev.nn.api;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The layer whose ops are being traced on this thread, so that graph nodes carry the layer's
 * name ("dense_1/MatMul") and an exported model keeps nn's layer names.
 */
public final class NameScope implements AutoCloseable {

    private static final ThreadLocal<Deque<String>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

    private NameScope() {
    }

    /** Enters a scope; close it to leave. */
    public static NameScope enter(String name) {
        SCOPES.get().push(name);
        return new NameScope();
    }

    /** "outer/inner/op" for the scopes open now. */
    static String qualify(String op) {
        Deque<String> s = SCOPES.get();
        if (s.isEmpty()) {
            return op;
        }
        StringBuilder sb = new StringBuilder();
        var it = s.descendingIterator();
        while (it.hasNext()) {
            sb.append(it.next()).append('/');
        }
        return sb.append(op).toString();
    }

    @Override
    public void close() {
        SCOPES.get().pop();
    }
}
