package dev.nn.api;

import dev.nn.api.backend.Backends;
import dev.nn.api.layers.LayerCall;
import java.util.Arrays;

/**
 * An n-dimensional array of float32 in row-major order, or a symbolic placeholder for one.
 *
 * <p>A concrete tensor holds data; its values never change, except those of a
 * {@link Variable}'s value, which only an optimizer or {@link Variable#assign} updates in place.
 * A symbolic tensor holds only a shape (a dimension of -1 is unknown, usually the batch) and the
 * {@link OpNode} that produces it; ops on symbolic tensors record a graph instead of computing.
 */
public final class Tensor {

    private final int[] shape;
    private final float[] data;
    private final OpNode producer;
    private final int outputIndex;
    private final Variable variable;
    private final Tensor logits; // the pre-activation of a softmax/sigmoid output, for fused losses
    private final LayerCall history; // the layer call that made this symbolic tensor, for functional models

    private Tensor(int[] shape, float[] data, OpNode producer, int outputIndex, Variable variable) {
        this(shape, data, producer, outputIndex, variable, null, null);
    }

    private Tensor(int[] shape, float[] data, OpNode producer, int outputIndex, Variable variable, Tensor logits,
                   LayerCall history) {
        this.logits = logits;
        this.history = history;
        this.shape = shape;
        this.data = data;
        this.producer = producer;
        this.outputIndex = outputIndex;
        this.variable = variable;
    }

    // ---- factories -------------------------------------------------------------------------

    /** A tensor holding a copy of {@code data}, viewed with the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /**
     * A tensor over {@code data} without copying it: the caller hands the array over and must not
     * change it afterwards. Meant for large data sets, where a copy would double the memory.
     */
    public static Tensor wrap(float[] data, int... shape) {
        int[] s = shape.clone();
        long n = Shapes.checkedSize(s, "Tensor.wrap");
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Shapes.str(s) + " holds " + n
                    + " elements but the data has " + data.length);
        }
        return new Tensor(s, data, null, 0, null);
    }

    /** A rows×cols tensor from a Java matrix (every row must have the same length). */
    public static Tensor of(float[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        float[] d = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new Tensor(new int[] {r, c}, d, null, 0, null);
    }

    /** A one-dimensional tensor of the given values. */
    public static Tensor vector(float... values) {
        return of(values, values.length);
    }

    /** A rank-0 tensor. */
    public static Tensor scalar(float value) {
        return new Tensor(new int[0], new float[] {value}, null, 0, null);
    }

    public static Tensor zeros(int... shape) {
        int[] s = shape.clone();
        return new Tensor(s, new float[Math.toIntExact(Shapes.checkedSize(s, "Tensor.zeros"))], null, 0, null);
    }

    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /** A symbolic tensor (no data); -1 marks an unknown dimension. */
    static Tensor symbolic(int[] shape, OpNode producer, int outputIndex) {
        return new Tensor(shape.clone(), null, producer, outputIndex, null);
    }

    /** A concrete probability tensor that remembers the logits it was computed from. */
    static Tensor withLogits(Tensor probabilities, Tensor logits) {
        return new Tensor(probabilities.shape, probabilities.data, null, 0, null, logits, null);
    }

    Tensor logits() {
        return logits;
    }

    static Tensor ofVariable(Variable v, float[] data, int[] shape) {
        return new Tensor(shape.clone(), data, null, 0, v);
    }

    // ---- shape -----------------------------------------------------------------------------

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    /** Number of elements (of a concrete tensor). */
    public int size() {
        requireConcrete("size");
        return data.length;
    }

    /** Elements in one row: the product of every dimension but the first. */
    public int rowSize() {
        int n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    public boolean isSymbolic() {
        return data == null;
    }

    // ---- values ----------------------------------------------------------------------------

    /** The element at the given indices. */
    public float get(int... index) {
        requireConcrete("get");
        if (index.length != shape.length) {
            throw new IllegalArgumentException("tensor of shape " + Shapes.str(shape) + " needs "
                    + shape.length + " indices, got " + index.length);
        }
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + index[i] + " out of range for axis " + i
                        + " of shape " + Shapes.str(shape));
            }
            off = off * shape[i] + index[i];
        }
        return data[off];
    }

    /** The single value of a tensor with one element. */
    public float item() {
        requireConcrete("item");
        if (data.length != 1) {
            throw new IllegalStateException("item() needs one element, tensor has shape " + Shapes.str(shape));
        }
        return data[0];
    }

    /** A copy of the data in row-major order. */
    public float[] toArray() {
        requireConcrete("toArray");
        return data.clone();
    }

    /** A copy as a matrix: rows along the first axis, the rest flattened. */
    public float[][] toMatrix() {
        requireConcrete("toMatrix");
        int rows = shape.length == 0 ? 1 : shape[0];
        int cols = rows == 0 ? 0 : data.length / rows;
        float[][] m = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols, m[r], 0, cols);
        }
        return m;
    }

    /**
     * The backing array, not a copy, for kernels and readers that must not pay for one.
     * Never write to it: tensors are shared freely.
     */
    public float[] buffer() {
        requireConcrete("buffer");
        return data;
    }

    /** Rows {@code [from, to)} along the first axis, copied. */
    public Tensor rows(int from, int to) {
        requireConcrete("rows");
        if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of shape " + Shapes.str(shape));
        }
        int rs = rowSize();
        int[] s = shape.clone();
        s[0] = to - from;
        return new Tensor(s, Arrays.copyOfRange(data, from * rs, to * rs), null, 0, null);
    }

    /** Columns {@code [from, to)} of a matrix, copied (NumPy's {@code x[:, from:to]}). */
    public Tensor columns(int from, int to) {
        requireConcrete("columns");
        if (shape.length != 2 || from < 0 || to > shape[1] || from > to) {
            throw new IndexOutOfBoundsException("columns [" + from + ", " + to + ") of shape " + Shapes.str(shape)
                    + " (a matrix is needed)");
        }
        int n = shape[0];
        int c = shape[1];
        int w = to - from;
        float[] out = new float[n * w];
        for (int r = 0; r < n; r++) {
            System.arraycopy(data, r * c + from, out, r * w, w);
        }
        return new Tensor(new int[] {n, w}, out, null, 0, null);
    }

    /** The rows at the given indices, in that order, copied. */
    public Tensor gatherRows(int[] indices, int from, int to) {
        requireConcrete("gatherRows");
        int rs = rowSize();
        float[] out = RecycledBuffers.take((to - from) * rs);
        Backends.current().gatherRows(data, rs, indices, from, to, out);
        int[] s = shape.clone();
        s[0] = to - from;
        return new Tensor(s, out, null, 0, null);
    }

    /** The same data viewed with another shape of the same size (one dimension may be -1). */
    public Tensor reshape(int... newShape) {
        return Ops.reshape(this, newShape);
    }

    // ---- provenance ------------------------------------------------------------------------

    /** The op node that produces this symbolic tensor, or null. */
    public OpNode producer() {
        return producer;
    }

    /** Which output of {@link #producer()} this tensor is. */
    public int outputIndex() {
        return outputIndex;
    }

    /**
     * The layer call that produced this symbolic tensor, or null: the edges of a functional model's
     * graph of layers (Keras's {@code _keras_history}).
     */
    public LayerCall history() {
        return history;
    }

    /** This symbolic tensor (same shape and producer) marked as the output of a layer call. */
    public Tensor withHistory(LayerCall call) {
        if (data != null) {
            throw new IllegalStateException("only symbolic tensors carry a layer history; this one is concrete, shape "
                    + Shapes.str(shape));
        }
        return new Tensor(shape, null, producer, outputIndex, null, null, call);
    }

    /** The variable whose value this tensor is, or null. */
    public Variable variable() {
        return variable;
    }

    void requireConcrete(String what) {
        if (data == null) {
            throw new IllegalStateException(what + "() needs a concrete tensor; this one is symbolic, shape "
                    + Shapes.str(shape) + (producer == null ? "" : ", made by " + producer.name()));
        }
    }

    @Override
    public String toString() {
        if (data == null) {
            return "Tensor(symbolic, shape=" + Shapes.str(shape) + ")";
        }
        StringBuilder sb = new StringBuilder("Tensor(shape=").append(Shapes.str(shape)).append(", [");
        int n = Math.min(data.length, 8);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return sb.append(data.length > n ? ", ...])" : "])").toString();
    }
}
