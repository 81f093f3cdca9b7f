package dev.nn.api.data;

import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An input pipeline, as tf.data: a re-iterable sequence of elements (inputs, targets and an
 * optional sample weight) transformed lazily by {@link #shuffle}, {@link #batch}, {@link #map},
 * {@link #repeat}, {@link #take}, {@link #skip} and {@link #prefetch}. {@code fit},
 * {@code evaluate} and {@code predict} accept a batched dataset wherever they accept arrays.
 *
 * <pre>{@code
 * Dataset train = Dataset.fromTensors(x, y).shuffle(10_000, 42).batch(32).prefetch(2);
 * model.fit(train, epochs(10), validationData(Dataset.fromTensors(xv, yv).batch(32)));
 * }</pre>
 *
 * A dataset is an immutable description; each pass (epoch) iterates it afresh, and a shuffle
 * draws a new order each epoch from its seed and the epoch number, so runs repeat.
 */
public abstract class Dataset {

    /** One element: the inputs, the targets (empty for prediction) and a sample weight or null. */
    public record Element(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
        public Element {
            x = List.copyOf(x);
            y = List.copyOf(y);
        }

        /** An element of one input and one target. */
        public static Element of(Tensor x, Tensor y) {
            return new Element(List.of(x), List.of(y), null);
        }
    }

    Dataset() {
    }

    /** The elements of pass {@code epoch} (0-based). */
    public abstract Iterator<Element> iterator(int epoch);

    /** True when elements are batches (the result of {@link #batch}). */
    public abstract boolean isBatched();

    // ---- sources ---------------------------------------------------------------------------

    /** One element per row of x and y. */
    public static Dataset fromTensors(Tensor x, Tensor y) {
        return fromTensors(List.of(x), List.of(y));
    }

    /** One element per row of x, without targets (for predict). */
    public static Dataset fromTensors(Tensor x) {
        return fromTensors(List.of(x), List.of());
    }

    /** One element per row, for several inputs and targets; all must have the same number of rows. */
    public static Dataset fromTensors(List<Tensor> xs, List<Tensor> ys) {
        return new Sources.Slices(xs, ys);
    }

    /**
     * Elements made by a function of the epoch, for data read from files or generated: the
     * iterator is created anew for every pass.
     */
    public static Dataset fromIterator(Function<Integer, Iterator<Element>> perEpoch, boolean batched) {
        return new Sources.Generated(perEpoch, batched);
    }

    // ---- transformations -------------------------------------------------------------------

    /**
     * Shuffles with a buffer of {@code bufferSize} elements (the whole data set when it is at least
     * that large), in a new order each epoch drawn from {@code seed} and the epoch.
     */
    public Dataset shuffle(int bufferSize, long seed) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("shuffle buffer must hold at least one element, got " + bufferSize);
        }
        return new Transforms.Shuffled(this, bufferSize, seed);
    }

    /** Groups consecutive elements into batches of {@code size}; the last may be smaller. */
    public Dataset batch(int size) {
        return batch(size, false);
    }

    /** Groups elements into batches; with {@code dropRemainder} a short last batch is dropped. */
    public Dataset batch(int size, boolean dropRemainder) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        if (isBatched()) {
            throw new IllegalStateException("this dataset is already batched");
        }
        return new Transforms.Batched(this, size, dropRemainder);
    }

    /** Applies a function to every element (preprocessing, augmentation). */
    public Dataset map(UnaryOperator<Element> fn) {
        return new Transforms.Mapped(this, fn);
    }

    /** Repeats the data {@code count} times per pass. */
    public Dataset repeat(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("repeat count must be at least 1, got " + count);
        }
        return new Transforms.Repeated(this, count);
    }

    /** The first {@code n} elements. */
    public Dataset take(long n) {
        return new Transforms.Sliced(this, 0, n);
    }

    /** All but the first {@code n} elements. */
    public Dataset skip(long n) {
        return new Transforms.Sliced(this, n, Long.MAX_VALUE);
    }

    /** Prepares up to {@code n} elements ahead on a background thread while the caller trains. */
    public Dataset prefetch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("prefetch needs at least one element of buffer, got " + n);
        }
        return new Prefetched(this, n);
    }

    /** Every element of pass 0, for inspection and tests. */
    public List<Element> toList() {
        List<Element> out = new ArrayList<>();
        iterator(0).forEachRemaining(out::add);
        return out;
    }


    /** Stacks same-shaped tensors along a new first axis. */
    static Tensor stack(List<Tensor> parts) {
        int[] shape = parts.get(0).shape();
        int size = parts.get(0).size();
        float[] out = new float[size * parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Tensor t = parts.get(i);
            if (t.size() != size) {
                throw new IllegalArgumentException("batch: element " + i + " has shape " + Shapes.str(t.shape())
                        + ", the first has " + Shapes.str(shape));
            }
            System.arraycopy(t.buffer(), 0, out, i * size, size);
        }
        int[] batched = new int[shape.length + 1];
        batched[0] = parts.size();
        System.arraycopy(shape, 0, batched, 1, shape.length);
        return Tensor.wrap(out, batched);
    }
}
