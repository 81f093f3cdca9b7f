package dev.nn.api.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs the source on a background (daemon, virtual) thread, up to {@code depth} elements ahead.
 * An exception in the source is re-thrown to the consumer; abandoning the iterator early leaves
 * the producer blocked on a full queue, which is garbage once nothing references it.
 */
final class Prefetched extends Dataset {

    private static final Object END = new Object();

    private final Dataset source;
    private final int depth;

    Prefetched(Dataset source, int depth) {
        this.source = source;
        this.depth = depth;
    }

    @Override
    public boolean isBatched() {
        return source.isBatched();
    }

    @Override
    public Iterator<Element> iterator(int epoch) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(depth + 1);
        Thread.ofVirtual().name("nn-prefetch").start(() -> {
            try {
                Iterator<Element> in = source.iterator(epoch);
                while (in.hasNext()) {
                    queue.put(in.next());
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return new Iterator<>() {
            private Object head;

            @Override
            public boolean hasNext() {
                if (head == null) {
                    try {
                        head = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for prefetched data", e);
                    }
                }
                if (head instanceof RuntimeException re) {
                    throw re;
                }
                if (head instanceof Error err) {
                    throw err;
                }
                return head != END;
            }

            @Override
            public Element next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Element e = (Element) head;
                head = null;
                return e;
            }
        };
    }
}
