package dev.nn.api.data;

import dev.nn.api.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Where elements come from: rows of tensors, or a function of the epoch. */
final class Sources {

    private Sources() {
    }

    /** One element per row of the given tensors. */
    static final class Slices extends Dataset {
        private final List<Tensor> xs;
        private final List<Tensor> ys;
        private final int rows;

        Slices(List<Tensor> xs, List<Tensor> ys) {
            if (xs.isEmpty()) {
                throw new IllegalArgumentException("fromTensors needs at least one input tensor");
            }
            this.xs = List.copyOf(xs);
            this.ys = List.copyOf(ys);
            this.rows = xs.get(0).dim(0);
            for (Tensor t : this.xs) {
                check(t);
            }
            for (Tensor t : this.ys) {
                check(t);
            }
        }

        private void check(Tensor t) {
            if (t.rank() == 0 || t.dim(0) != rows) {
                throw new IllegalArgumentException("fromTensors: every tensor needs " + rows + " rows, got shape "
                        + dev.nn.api.Shapes.str(t.shape()));
            }
        }

        int rows() {
            return rows;
        }

        @Override
        public boolean isBatched() {
            return false;
        }

        @Override
        public Iterator<Element> iterator(int epoch) {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < rows;
                }

                @Override
                public Element next() {
                    if (next >= rows) {
                        throw new NoSuchElementException();
                    }
                    int r = next++;
                    return new Element(row(xs, r), row(ys, r), null);
                }
            };
        }

        private static List<Tensor> row(List<Tensor> ts, int r) {
            List<Tensor> out = new ArrayList<>(ts.size());
            for (Tensor t : ts) {
                int[] s = t.shape();
                out.add(t.rows(r, r + 1).reshape(java.util.Arrays.copyOfRange(s, 1, s.length)));
            }
            return out;
        }
    }

    /** Elements from a user's function of the epoch. */
    static final class Generated extends Dataset {
        private final Function<Integer, Iterator<Element>> perEpoch;
        private final boolean batched;

        Generated(Function<Integer, Iterator<Element>> perEpoch, boolean batched) {
            this.perEpoch = perEpoch;
            this.batched = batched;
        }

        @Override
        public boolean isBatched() {
            return batched;
        }

        @Override
        public Iterator<Element> iterator(int epoch) {
            return perEpoch.apply(epoch);
        }
    }
}
