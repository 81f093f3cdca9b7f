package dev.nn.api;

import java.util.Arrays;

/** Shape arithmetic and messages. */
public final class Shapes {

    private Shapes() {
    }

    /** "(None, 28, 28)" style, as Keras prints shapes; -1 prints as None. */
    public static String str(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "None" : String.valueOf(shape[i]));
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Product of the dimensions; rejects negative dimensions and sizes past 2^31 - 1. */
    static long checkedSize(int[] shape, String where) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(where + ": shape " + str(shape) + " has a negative dimension");
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(where + ": shape " + str(shape) + " has more than 2^31 elements");
            }
        }
        return n;
    }

    /** Product of the dimensions, where an unknown (-1) dimension counts as 1. */
    static int knownSize(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= Math.max(d, 1);
        }
        return n;
    }

    /** Product of the dimensions after the first (unknown ones count as 1). */
    public static int tailSize(int[] shape) {
        int n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= Math.max(shape[i], 1);
        }
        return n;
    }

    /** True when two shapes agree wherever both are known (-1 matches anything). */
    public static boolean compatible(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0 && a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
