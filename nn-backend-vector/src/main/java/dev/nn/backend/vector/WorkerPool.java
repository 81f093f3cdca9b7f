package dev.nn.backend.vector;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that, with the calling thread, run the parts of one task at a
 * time. The caller runs part 0; the others are claimed from a shared counter rather than dealt
 * out, so when the machine is busy and a worker is not scheduled, the caller runs that part too
 * instead of waiting a time slice.
 * Which thread runs a part must therefore not change its result. Workers spin briefly before
 * parking, because kernels arrive back to back during training and waking a parked thread costs
 * tens of microseconds, as much as a whole small GEMM. One run at a time: {@link #run} holds the
 * pool's lock, so kernels called from several threads queue there.
 */
final class WorkerPool implements AutoCloseable {

    /** A task split into parts. */
    interface Parts {
        /** Runs one part on the given thread (0 is the caller, w + 1 is worker w). */
        void run(int part, int thread);
    }

    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final Thread[] workers;
    /**
     * Run number (high 32 bits), part count (16 bits) and next unclaimed part (low 16 bits) in
     * one word, so a worker that wakes late cannot claim a part of a later run by mistake.
     */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile Parts task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    WorkerPool(int threads) {
        workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            int thread = w + 1;
            workers[w] = Thread.ofPlatform().daemon().name("nn-vector-worker-" + thread)
                    .start(() -> work(thread));
        }
    }

    /** Threads that can run parts at once, the caller included. */
    int size() {
        return workers.length + 1;
    }

    /** Runs parts 0..count-1 (count < 65536) of the task and returns when all are done. */
    void run(Parts t, int count) {
        if (count == 1) {
            t.run(0, 0);
            return;
        }
        synchronized (this) {
            runShared(t, count);
        }
    }

    private void runShared(Parts t, int count) {
        if (closed) {
            throw new IllegalStateException("the vector backend was closed; create a new one");
        }
        int run = generation + 1;
        task = t;
        unfinished.set(count);
        // part 0 is the caller's, so the same thread runs the same rows of one kernel after another
        claims.set(((long) run << 32) | ((long) count << 16) | 1);
        generation = run;
        for (int w = 0; w < Math.min(count - 1, workers.length); w++) {
            LockSupport.unpark(workers[w]);
        }
        runPart(0, 0);
        claim(0, run);
        long start = System.nanoTime();
        while (unfinished.get() > 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        task = null;
        Throwable f = failure;
        if (f != null) {
            failure = null;
            throw new IllegalStateException("a vector backend worker failed: " + f, f);
        }
    }

    /** Runs unclaimed parts of the given run until none is left or a newer run has begun. */
    private void claim(int thread, int run) {
        while (true) {
            long c = claims.get();
            int part = (int) (c & 0xFFFF);
            if ((int) (c >>> 32) != run || part >= (int) ((c >>> 16) & 0xFFFF)) {
                return;
            }
            if (claims.compareAndSet(c, c + 1)) {
                runPart(part, thread);
            }
        }
    }

    private void runPart(int part, int thread) {
        try {
            task.run(part, thread);
        } catch (Throwable e) {
            failure = e;
        } finally {
            unfinished.decrementAndGet();
        }
    }

    private void work(int thread) {
        int seen = 0;
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
            claim(thread, seen);
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
