package dev.nn.backend.vector;

/**
 * Cuts a kernel's items (elements, rows or columns) into one contiguous slice per part. Slices
 * start at multiples of a unit, the vector length for element and column kernels, so each slice's
 * vector loop meets the boundaries the serial loop meets and every element takes the same path.
 */
final class Slices {

    /**
     * Below this many elements a kernel stays on the calling thread: handing a slice to a worker
     * and waiting for it costs a few microseconds, what the cheapest kernels spend on this many.
     */
    static final int SERIAL_ELEMENTS = 1 << 15;

    private Slices() {
    }

    /** How many slices a kernel over {@code elements} values should take: 1 runs it serially. */
    static int parts(int threads, long elements, int items, int unit) {
        if (threads == 1 || elements < SERIAL_ELEMENTS) {
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
