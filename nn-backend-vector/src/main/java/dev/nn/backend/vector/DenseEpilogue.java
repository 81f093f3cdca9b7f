package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import dev.nn.api.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/** {@code y = act(y + bias)} on a finished tile. One instance is reused: set() before each call. */
final class DenseEpilogue implements TileEpilogue {

    private float[] bias;
    private UnaryOp activation;
    private float alpha;

    DenseEpilogue set(float[] bias, UnaryOp activation, float alpha) {
        this.bias = bias;
        this.activation = activation;
        this.alpha = alpha;
        return this;
    }

    @Override
    public void apply(float[] c, int ldc, int i0, int j0, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = (i0 + r) * ldc + j0;
            if (bias != null) {
                for (int v = 0; v < cols; v += L) {
                    VectorMask<Float> m = F.indexInRange(v, cols);
                    FloatVector.fromArray(F, c, row + v, m).add(FloatVector.fromArray(F, bias, j0 + v, m))
                            .intoArray(c, row + v, m);
                }
            }
            UnaryKernels.apply(activation, alpha, c, c, row, cols);
        }
    }

    /** Drops the references to the caller's arrays once the call is over. */
    void clear() {
        bias = null;
    }
}
