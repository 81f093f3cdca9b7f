package dev.nn.api.data;

import dev.nn.api.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/** The lazy transformations of {@link Dataset}. */
final class Transforms {

    private Transforms() {
    }

    /** A buffer of elements from which a random one is emitted and replaced, as tf.data's shuffle. */
    static final class Shuffled extends Dataset {
        private final Dataset source;
        private final int bufferSize;
        private final long seed;

        Shuffled(Dataset source, int bufferSize, long seed) {
            this.source = source;
            this.bufferSize = bufferSize;
            this.seed = seed;
        }

        @Override
        public boolean isBatched() {
            return source.isBatched();
        }

        @Override
        public Iterator<Element> iterator(int epoch) {
            Iterator<Element> in = source.iterator(epoch);
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
            List<Element> buffer = new ArrayList<>();
            while (buffer.size() < bufferSize && in.hasNext()) {
                buffer.add(in.next());
            }
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !buffer.isEmpty();
                }

                @Override
                public Element next() {
                    if (buffer.isEmpty()) {
                        throw new NoSuchElementException();
                    }
                    int i = random.nextInt(buffer.size());
                    Element e = buffer.get(i);
                    if (in.hasNext()) {
                        buffer.set(i, in.next());
                    } else {
                        buffer.set(i, buffer.get(buffer.size() - 1));
                        buffer.remove(buffer.size() - 1);
                    }
                    return e;
                }
            };
        }
    }

    /** Consecutive elements stacked into batches. */
    static final class Batched extends Dataset {
        private final Dataset source;
        private final int size;
        private final boolean dropRemainder;

        Batched(Dataset source, int size, boolean dropRemainder) {
            this.source = source;
            this.size = size;
            this.dropRemainder = dropRemainder;
        }

        @Override
        public boolean isBatched() {
            return true;
        }

        @Override
        public Iterator<Element> iterator(int epoch) {
            Iterator<Element> in = source.iterator(epoch);
            return new Iterator<>() {
                private Element pending = fill();

                private Element fill() {
                    List<Element> group = new ArrayList<>(size);
                    while (group.size() < size && in.hasNext()) {
                        group.add(in.next());
                    }
                    if (group.isEmpty() || (dropRemainder && group.size() < size)) {
                        return null;
                    }
                    return stackAll(group);
                }

                @Override
                public boolean hasNext() {
                    return pending != null;
                }

                @Override
                public Element next() {
                    if (pending == null) {
                        throw new NoSuchElementException();
                    }
                    Element e = pending;
                    pending = fill();
                    return e;
                }
            };
        }

        private static Element stackAll(List<Element> group) {
            Element first = group.get(0);
            List<Tensor> xs = new ArrayList<>();
            for (int j = 0; j < first.x().size(); j++) {
                xs.add(stack(column(group, j, true)));
            }
            List<Tensor> ys = new ArrayList<>();
            for (int j = 0; j < first.y().size(); j++) {
                ys.add(stack(column(group, j, false)));
            }
            Tensor w = null;
            if (first.sampleWeight() != null) {
                List<Tensor> ws = new ArrayList<>();
                for (Element e : group) {
                    ws.add(e.sampleWeight());
                }
                w = stack(ws).reshape(-1);
            }
            return new Element(xs, ys, w);
        }

        private static List<Tensor> column(List<Element> group, int j, boolean inputs) {
            List<Tensor> out = new ArrayList<>(group.size());
            for (Element e : group) {
                out.add(inputs ? e.x().get(j) : e.y().get(j));
            }
            return out;
        }
    }

    static final class Mapped extends Dataset {
        private final Dataset source;
        private final UnaryOperator<Element> fn;

        Mapped(Dataset source, UnaryOperator<Element> fn) {
            this.source = source;
            this.fn = fn;
        }

        @Override
        public boolean isBatched() {
            return source.isBatched();
        }

        @Override
        public Iterator<Element> iterator(int epoch) {
            Iterator<Element> in = source.iterator(epoch);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return in.hasNext();
                }

                @Override
                public Element next() {
                    return fn.apply(in.next());
                }
            };
        }
    }

    /** The source's elements {@code count} times over; each repetition is a new pass of the source. */
    static final class Repeated extends Dataset {
        private final Dataset source;
        private final int count;

        Repeated(Dataset source, int count) {
            this.source = source;
            this.count = count;
        }

        @Override
        public boolean isBatched() {
            return source.isBatched();
        }

        @Override
        public Iterator<Element> iterator(int epoch) {
            return new Iterator<>() {
                private int round;
                private Iterator<Element> current = source.iterator(epoch * count);

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && round + 1 < count) {
                        round++;
                        current = source.iterator(epoch * count + round);
                    }
                    return current.hasNext();
                }

                @Override
                public Element next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }
    }

    /** Elements [from, to) of each pass. */
    static final class Sliced extends Dataset {
        private final Dataset source;
        private final long from;
        private final long to;

        Sliced(Dataset source, long from, long to) {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("take/skip need non-negative counts");
            }
            this.source = source;
            this.from = from;
            this.to = to;
        }

        @Override
        public boolean isBatched() {
            return source.isBatched();
        }

        @Override
        public Iterator<Element> iterator(int epoch) {
            Iterator<Element> in = source.iterator(epoch);
            for (long i = 0; i < from && in.hasNext(); i++) {
                in.next();
            }
            return new Iterator<>() {
                private long position = from;

                @Override
                public boolean hasNext() {
                    return position < to && in.hasNext();
                }

                @Override
                public Element next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    position++;
                    return in.next();
                }
            };
        }
    }
}
