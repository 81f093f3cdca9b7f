package dev.nn.api.models;

import dev.nn.api.RecycledBuffers;
import dev.nn.api.Tensor;
import dev.nn.api.data.Dataset;
import dev.nn.api.data.Dataset.Element;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/** The batches of each pass over training or evaluation data: from arrays, or from a Dataset. */
interface Batches {

    /** Steps per pass, or 0 when not known before the first pass ends. */
    int steps();

    Iterator<Element> pass(int epoch);

    /**
     * Batches of rows of in-memory arrays, in an order drawn from (seed, epoch) when shuffling.
     * With {@code reuseArrays}, a shuffled batch is gathered into the arrays of the batch before
     * it: only for training, where nothing keeps a batch past its step (a prediction may return
     * its input reshaped).
     */
    static Batches ofArrays(List<Tensor> xs, List<Tensor> ys, float[] sampleWeights, int batchSize,
                            boolean shuffle, long seed, boolean reuseArrays) {
        int n = xs.get(0).dim(0);
        RecycledBuffers buffers = reuseArrays ? new RecycledBuffers() : null;
        return new Batches() {
            @Override
            public int steps() {
                return (n + batchSize - 1) / batchSize;
            }

            @Override
            public Iterator<Element> pass(int epoch) {
                int[] order = shuffle ? order(n, seed, epoch) : null;
                return new Iterator<>() {
                    private int from;

                    @Override
                    public boolean hasNext() {
                        return from < n;
                    }

                    @Override
                    public Element next() {
                        if (from >= n) {
                            throw new NoSuchElementException();
                        }
                        int to = Math.min(n, from + batchSize);
                        Element e;
                        try (RecycledBuffers.Scope scope = buffers == null ? null : buffers.open()) {
                            e = new Element(slice(xs, order, from, to), slice(ys, order, from, to),
                                    weights(sampleWeights, order, from, to));
                        }
                        from = to;
                        return e;
                    }
                };
            }
        };
    }

    /**
     * The batches of a batched Dataset; its length is learnt from the first pass. A stream cannot be
     * checked before training starts, so each batch is checked for NaN and infinity before it is used,
     * and the error names the row counted from the start of the pass.
     */
    static Batches ofDataset(Dataset dataset, String where) {
        if (!dataset.isBatched()) {
            throw new IllegalArgumentException(where + ": the dataset's elements are single examples; "
                    + "call .batch(32) (or another size) on it first");
        }
        return new Batches() {
            private int steps;

            @Override
            public int steps() {
                return steps;
            }

            @Override
            public Iterator<Element> pass(int epoch) {
                Iterator<Element> in = dataset.iterator(epoch);
                return new Iterator<>() {
                    private int count;
                    private long rows;

                    @Override
                    public boolean hasNext() {
                        boolean more = in.hasNext();
                        if (!more) {
                            steps = count;
                        }
                        return more;
                    }

                    @Override
                    public Element next() {
                        count++;
                        Element e = in.next();
                        String what = where + " (dataset pass " + (epoch + 1) + ", batch " + count + ")";
                        for (int i = 0; i < e.x().size(); i++) {
                            TrainingLoop.checkFinite(e.x().get(i), what + " input " + i, rows);
                        }
                        for (int i = 0; i < e.y().size(); i++) {
                            TrainingLoop.checkFinite(e.y().get(i), what + " targets " + i, rows);
                        }
                        rows += e.x().isEmpty() || e.x().get(0).rank() == 0 ? 0 : e.x().get(0).dim(0);
                        return e;
                    }
                };
            }
        };
    }

    /** A permutation of n drawn from (seed, epoch), so a resumed run repeats the same orders. */
    static int[] order(int n, long seed, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static List<Tensor> slice(List<Tensor> ts, int[] order, int from, int to) {
        List<Tensor> out = new ArrayList<>(ts.size());
        for (Tensor t : ts) {
            out.add(order != null ? t.gatherRows(order, from, to) : from == 0 && to == t.dim(0) ? t : t.rows(from, to));
        }
        return out;
    }

    private static Tensor weights(float[] w, int[] order, int from, int to) {
        if (w == null) {
            return null;
        }
        float[] out = new float[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = w[order != null ? order[i] : i];
        }
        return Tensor.wrap(out, to - from);
    }
}
