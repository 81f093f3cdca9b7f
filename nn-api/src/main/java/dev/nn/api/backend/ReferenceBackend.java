package dev.nn.api.backend;

/**
 * Plain loops, one thread: slow and obviously correct. Every other backend is tested against it.
 */
public final class ReferenceBackend implements Backend {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, float[] b, float[] c, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[p * m + i] : a[i * k + p];
                    float bv = transB ? b[j * k + p] : b[p * n + j];
                    s += (double) av * bv;
                }
                float v = (float) (alpha * s);
                c[i * n + j] = accumulate ? c[i * n + j] + v : v;
            }
        }
    }

    @Override
    public void dense(float[] x, float[] w, float[] bias, float[] y, int m, int k, int n,
                      UnaryOp activation, float alpha) {
        gemm(false, false, m, n, k, 1f, x, w, y, false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float v = y[i * n + j] + (bias == null ? 0f : bias[j]);
                y[i * n + j] = activation.apply(v, alpha);
            }
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, float[] b, float[] out, int n, int bLength) {
        for (int i = 0; i < n; i++) {
            out[i] = op.apply(a[i], b[i % bLength]);
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] a, float s, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = op.apply(a[i], s);
        }
    }

    @Override
    public void unary(UnaryOp op, float alpha, float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = op.apply(x[i], alpha);
        }
    }

    @Override
    public void unaryGrad(UnaryOp op, float alpha, float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * op.derivative(x[i], y[i], alpha);
        }
    }

    @Override
    public void softmax(float[] x, float[] y, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x[o + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(x[o + c] - max);
            }
            for (int c = 0; c < cols; c++) {
                y[o + c] = (float) (Math.exp(x[o + c] - max) / sum);
            }
        }
    }

    @Override
    public void logSoftmax(float[] x, float[] y, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x[o + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(x[o + c] - max);
            }
            double logSum = Math.log(sum) + max;
            for (int c = 0; c < cols; c++) {
                y[o + c] = (float) (x[o + c] - logSum);
            }
        }
    }

    @Override
    public void softmaxGrad(float[] y, float[] dy, float[] dx, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double dot = 0;
            for (int c = 0; c < cols; c++) {
                dot += (double) dy[o + c] * y[o + c];
            }
            for (int c = 0; c < cols; c++) {
                dx[o + c] = (float) (y[o + c] * (dy[o + c] - dot));
            }
        }
    }

    @Override
    public void softmaxCrossEntropy(float[] logits, float[] targets, boolean sparse,
                                    float[] probs, float[] lossPerRow, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, logits[o + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(logits[o + c] - max);
            }
            double logSum = Math.log(sum) + max;
            double loss = 0;
            for (int c = 0; c < cols; c++) {
                probs[o + c] = (float) Math.exp(logits[o + c] - logSum);
                if (!sparse) {
                    loss -= targets[o + c] * (logits[o + c] - logSum);
                }
            }
            if (sparse) {
                loss = logSum - logits[o + (int) targets[r]];
            }
            lossPerRow[r] = (float) loss;
        }
    }

    @Override
    public void sumRows(float[] x, float[] out, int rows, int cols) {
        for (int c = 0; c < cols; c++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += x[r * cols + c];
            }
            out[c] = (float) s;
        }
    }

    @Override
    public void sumCols(float[] x, float[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += x[r * cols + c];
            }
            out[r] = (float) s;
        }
    }

    @Override
    public double sum(float[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return s;
    }

    @Override
    public void sgdUpdate(float[] w, float[] g, float[] velocity, int n, float lr, float momentum, boolean nesterov) {
        for (int i = 0; i < n; i++) {
            if (momentum == 0f) {
                w[i] -= lr * g[i];
            } else {
                float v = momentum * velocity[i] - lr * g[i];
                velocity[i] = v;
                w[i] += nesterov ? momentum * v - lr * g[i] : v;
            }
        }
    }

    @Override
    public void adamUpdate(float[] w, float[] g, float[] m, float[] v, int n,
                           float alphaT, float beta1, float beta2, float epsilon) {
        for (int i = 0; i < n; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            w[i] -= alphaT * m[i] / ((float) Math.sqrt(v[i]) + epsilon);
        }
    }

    @Override
    public void rmspropUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float rho, float epsilon) {
        for (int i = 0; i < n; i++) {
            accumulator[i] = rho * accumulator[i] + (1 - rho) * g[i] * g[i];
            w[i] -= lr * g[i] / (float) Math.sqrt(accumulator[i] + epsilon);
        }
    }

    @Override
    public void adagradUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float epsilon) {
        for (int i = 0; i < n; i++) {
            accumulator[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (float) Math.sqrt(accumulator[i] + epsilon);
        }
    }
}
