package dev.nn.backend.vector;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that run the parts of one task at a time. The calling thread
 * runs part 0 itself, worker w runs part w + 1. Workers spin briefly before parking, because
 * kernels arrive back to back during training and waking a parked thread costs tens of
 * microseconds, as much as a whole small GEMM.
 */
final class WorkerPool implements AutoCloseable {

    /** A task split into parts; part p of a run always goes to the same thread. */
    interface Parts {
        void run(int part);
    }

    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Parts task;
    private volatile int parts;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    WorkerPool(int threads) {
        workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            int part = w + 1;
            workers[w] = Thread.ofPlatform().daemon().name("nn-vector-worker-" + part)
                    .start(() -> work(part));
        }
    }

    /** Threads that can run parts at once, the caller included. */
    int size() {
        return workers.length + 1;
    }

    /** Runs parts 0..count-1 of the task and returns when all are done; count ≤ size(). */
    void run(Parts t, int count) {
        if (count == 1) {
            t.run(0);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the vector backend was closed; create a new one");
        }
        task = t;
        parts = count;
        pending.set(count - 1);
        generation++;
        for (int w = 0; w < count - 1; w++) {
            LockSupport.unpark(workers[w]);
        }
        try {
            t.run(0);
        } finally {
            awaitWorkers();
            task = null;
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            throw new IllegalStateException("a vector backend worker failed: " + f, f);
        }
    }

    private void awaitWorkers() {
        long start = System.nanoTime();
        while (pending.get() > 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private void work(int part) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (generation == seen && !closed) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            if (part < parts) {
                try {
                    task.run(part);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
