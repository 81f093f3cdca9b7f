package dev.nn.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Output arrays for ops, recycled from one training step to the next. While a scope is open on a
 * thread, the ops that overwrite their whole output take it from here, and closing the scope frees
 * every array handed out in it for the next scope. So only a caller that knows no tensor made inside
 * outlives the scope may open one: the training loop does, around the backward pass and the
 * optimizer step, whose tensors (the gradients) it alone sees, and around the whole step when the
 * model runs only nn's own layers, which keep no tensor from one call to the next.
 *
 * <p>Why: a fresh array per op costs zeroing, and at batch 32 it put the 0.9 MB gradient of the
 * first kernel at a new address every step, so the optimizer read it from L3 instead of L2.
 */
public final class RecycledBuffers {

    // The scope open on each thread: per-thread context, as the gradient tapes are.
    private static final ThreadLocal<RecycledBuffers> OPEN = new ThreadLocal<>();

    private final List<float[]> free = new ArrayList<>();
    private final List<float[]> handedOut = new ArrayList<>();
    private final Scope scope = new Scope(); // one object for every scope: opening allocates nothing
    private Thread owner;

    /** A scope on the current thread: ops running on it take recycled arrays until it is closed. */
    public Scope open() {
        if (owner != null || OPEN.get() != null) {
            throw new IllegalStateException("a recycled-buffer scope is already open on this thread");
        }
        owner = Thread.currentThread();
        OPEN.set(this);
        return scope;
    }

    /** An array of n floats whose contents the caller overwrites entirely (not zeroed when recycled). */
    static float[] take(int n) {
        RecycledBuffers r = OPEN.get();
        return r == null ? new float[n] : r.reuse(n);
    }

    private float[] reuse(int n) {
        float[] a = null;
        for (int i = free.size() - 1; i >= 0; i--) {
            if (free.get(i).length == n) {
                a = free.get(i);
                free.set(i, free.get(free.size() - 1));
                free.remove(free.size() - 1);
                break;
            }
        }
        if (a == null) {
            a = new float[n];
        }
        handedOut.add(a);
        return a;
    }

    /** Ends the scope: this scope's arrays become the free ones; older unused ones are dropped. */
    public final class Scope implements AutoCloseable {

        private Scope() {
        }

        @Override
        public void close() {
            if (owner != Thread.currentThread()) {
                throw new IllegalStateException("a recycled-buffer scope must be closed on the thread that opened it");
            }
            OPEN.remove();
            owner = null;
            free.clear();
            for (float[] a : handedOut) {
                free.add(a);
            }
            handedOut.clear();
        }
    }
}
