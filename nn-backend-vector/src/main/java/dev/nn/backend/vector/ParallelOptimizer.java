package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.L;

/**
 * Optimizer steps, split into slices of whole vectors when big enough; see {@link ParallelUnary}.
 * Only the last slice reaches the scalar tail, as the serial loop does.
 */
final class ParallelOptimizer implements WorkerPool.Parts {

    /** Work per value of the steps with a square root and a division (SGD's is 1): Adam measured 3. */
    static final int ROOT_COST = 4;

    private enum Kind { SGD, ADAM, RMSPROP, ADAGRAD }

    private final WorkerPool pool;

    private Kind kind;
    private float[] w;
    private float[] g;
    private float[] s1;
    private float[] s2;
    private int n;
    private int parts;
    /** The learning rate, alpha_t for Adam. */
    private float lr;
    /** Momentum, beta1 or rho. */
    private float decay1;
    /** beta2. */
    private float decay2;
    private float epsilon;
    private boolean nesterov;

    ParallelOptimizer(WorkerPool pool) {
        this.pool = pool;
    }

    void sgd(float[] w, float[] g, float[] velocity, int n, float lr, float momentum, boolean nesterov) {
        int parts = Slices.parts(pool.size(), n, n, L);
        if (parts == 1) {
            OptimizerKernels.sgd(w, g, velocity, 0, n, lr, momentum, nesterov);
        } else {
            split(Kind.SGD, w, g, velocity, null, n, parts, lr, momentum, 0f, 0f, nesterov);
        }
    }

    void adam(float[] w, float[] g, float[] m, float[] v, int n, float alphaT, float beta1, float beta2,
              float epsilon) {
        int parts = Slices.parts(pool.size(), (long) n * ROOT_COST, n, L);
        if (parts == 1) {
            OptimizerKernels.adam(w, g, m, v, 0, n, alphaT, beta1, beta2, epsilon);
        } else {
            split(Kind.ADAM, w, g, m, v, n, parts, alphaT, beta1, beta2, epsilon, false);
        }
    }

    void rmsprop(float[] w, float[] g, float[] acc, int n, float lr, float rho, float epsilon) {
        int parts = Slices.parts(pool.size(), (long) n * ROOT_COST, n, L);
        if (parts == 1) {
            OptimizerKernels.rmsprop(w, g, acc, 0, n, lr, rho, epsilon);
        } else {
            split(Kind.RMSPROP, w, g, acc, null, n, parts, lr, rho, 0f, epsilon, false);
        }
    }

    void adagrad(float[] w, float[] g, float[] acc, int n, float lr, float epsilon) {
        int parts = Slices.parts(pool.size(), (long) n * ROOT_COST, n, L);
        if (parts == 1) {
            OptimizerKernels.adagrad(w, g, acc, 0, n, lr, epsilon);
        } else {
            split(Kind.ADAGRAD, w, g, acc, null, n, parts, lr, 0f, 0f, epsilon, false);
        }
    }

    private synchronized void split(Kind kind, float[] w, float[] g, float[] s1, float[] s2, int n, int parts,
                                    float lr, float decay1, float decay2, float epsilon, boolean nesterov) {
        this.kind = kind;
        this.w = w;
        this.g = g;
        this.s1 = s1;
        this.s2 = s2;
        this.n = n;
        this.parts = parts;
        this.lr = lr;
        this.decay1 = decay1;
        this.decay2 = decay2;
        this.epsilon = epsilon;
        this.nesterov = nesterov;
        try {
            pool.run(this, parts);
        } finally {
            this.w = null;
            this.g = null;
            this.s1 = null;
            this.s2 = null;
        }
    }

    @Override
    public void run(int part, int thread) {
        int from = Slices.start(n, L, parts, part);
        int to = Slices.start(n, L, parts, part + 1);
        switch (kind) {
            case SGD -> OptimizerKernels.sgd(w, g, s1, from, to, lr, decay1, nesterov);
            case ADAM -> OptimizerKernels.adam(w, g, s1, s2, from, to, lr, decay1, decay2, epsilon);
            case RMSPROP -> OptimizerKernels.rmsprop(w, g, s1, from, to, lr, decay1, epsilon);
            case ADAGRAD -> OptimizerKernels.adagrad(w, g, s1, from, to, lr, epsilon);
        }
    }
}
