package dev.nn.api;

/** NumPy-style broadcasting: shapes align at the right; a dimension of 1 stretches. */
final class Broadcast {

    private Broadcast() {
    }

    /** The broadcast shape of a and b, or an error naming both shapes. Unknown (-1) dims pass through. */
    static int[] shape(int[] a, int[] b, String op) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else if (da < 0 || db < 0) {
                out[i] = Math.max(da, db);
            } else {
                throw new IllegalArgumentException(op + ": shapes " + Shapes.str(a) + " and " + Shapes.str(b)
                        + " cannot be broadcast together (axis " + i + ": " + da + " vs " + db + ")");
            }
        }
        return out;
    }

    /** True when {@code small}, after dropping leading 1s, equals the trailing dims of {@code full}. */
    static boolean isSuffix(int[] small, int[] full) {
        int start = 0;
        while (start < small.length && small[start] == 1) {
            start++;
        }
        int len = small.length - start;
        if (len > full.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (small[start + i] != full[full.length - len + i]) {
                return false;
            }
        }
        return true;
    }

    /** Materializes {@code src} of shape {@code from} broadcast to {@code to}. */
    static float[] expand(float[] src, int[] from, int[] to) {
        int[] strides = sourceStrides(from, to);
        int n = 1;
        for (int d : to) {
            n *= d;
        }
        float[] out = new float[n];
        int[] idx = new int[to.length];
        int off = 0;
        for (int i = 0; i < n; i++) {
            out[i] = src[off];
            off = advance(idx, to, strides, off);
        }
        return out;
    }

    /** Sums {@code src} of the broadcast shape {@code from} into {@code out} of shape {@code to}. */
    static void reduce(float[] src, int[] from, float[] out, int[] to) {
        int[] strides = sourceStrides(to, from);
        int[] idx = new int[from.length];
        int off = 0;
        for (float v : src) {
            out[off] += v;
            off = advance(idx, from, strides, off);
        }
    }

    /** Strides of a tensor of shape {@code small} walked over the shape {@code big}: 0 where broadcast. */
    private static int[] sourceStrides(int[] small, int[] big) {
        int[] strides = new int[big.length];
        int stride = 1;
        for (int i = big.length - 1, j = small.length - 1; i >= 0; i--, j--) {
            int d = j >= 0 ? small[j] : 1;
            strides[i] = d == 1 ? 0 : stride;
            stride *= d;
        }
        return strides;
    }

    private static int advance(int[] idx, int[] shape, int[] strides, int off) {
        for (int a = shape.length - 1; a >= 0; a--) {
            idx[a]++;
            off += strides[a];
            if (idx[a] < shape[a]) {
                return off;
            }
            off -= strides[a] * shape[a];
            idx[a] = 0;
        }
        return off;
    }
}
