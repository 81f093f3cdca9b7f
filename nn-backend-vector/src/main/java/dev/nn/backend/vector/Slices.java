package dev.nn.backend.vector;

/**
 * Cuts a kernel's items (elements, rows or columns) into one contiguous slice per part. Slices
 * start at multiples of a unit, the vector length for element and column kernels, so each slice's
 * vector loop meets the boundaries the serial loop meets and every element takes the same path.
 */
final class Slices {

    /**
     * Below this much work a kernel stays on the calling thread. The unit is one cheap
     * element-wise step, a ReLU gradient or a plain SGD update of one value (about 0.15 ns where
     * this was measured; nn-bench's ElementwiseKernels times it); kernels count their dearer
     * elements or rows as several.
     * Handing a slice to the worker and waiting for it costs about a microsecond, so 2 threads
     * break even near 2^14 steps and save a quarter at 2^15.
     */
    static final long SERIAL_WORK = 1 << 15;

    private Slices() {
    }

    /** How many slices a kernel of the given work over {@code items} should take: 1 runs it serially. */
    static int parts(int threads, long work, int items, int unit) {
        if (threads == 1 || work < SERIAL_WORK) {
            return 1;
        }
        return Math.min(threads, Packing.ceil(items, unit));
    }

    /** Where slice {@code part} of {@code parts} over {@code items} begins; {@code items} for part = parts. */
    static int start(int items, int unit, int parts, int part) {
        if (part == parts) {
            return items;
        }
        return (int) ((long) Packing.ceil(items, unit) * part / parts) * unit;
    }
}
