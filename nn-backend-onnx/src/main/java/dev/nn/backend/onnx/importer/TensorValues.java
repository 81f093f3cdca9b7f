package dev.nn.backend.onnx.importer;

import dev.nn.api.Tensor;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.proto.TensorProto;
import dev.nn.backend.onnx.proto.TensorProto.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the elements of a TensorProto already checked by the inspector (sizes agree with dims). */
final class TensorValues {
    private TensorValues() {
    }

    static Value of(TensorProto t, String where) {
        return switch (t.getDataType()) {
            case DataType.FLOAT_VALUE -> new Value.Floats(Tensor.wrap(floats(t), dims(t, where)));
            case DataType.INT64_VALUE -> new Value.Ints(int64s(t));
            case DataType.INT32_VALUE -> new Value.Ints(t.getInt32DataList().stream().mapToLong(Integer::longValue).toArray());
            default -> throw new OnnxException(where + ": tensor '" + t.getName() + "' has element type "
                    + DataType.forNumber(t.getDataType()) + "; nn imports float32 weights and int64 shapes and axes");
        };
    }

    private static float[] floats(TensorProto t) {
        if (!t.getRawData().isEmpty()) {
            ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[raw.remaining() / Float.BYTES];
            raw.asFloatBuffer().get(out);
            return out;
        }
        float[] out = new float[t.getFloatDataCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.getFloatData(i);
        }
        return out;
    }

    private static long[] int64s(TensorProto t) {
        if (!t.getRawData().isEmpty()) {
            ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long[] out = new long[raw.remaining() / Long.BYTES];
            raw.asLongBuffer().get(out);
            return out;
        }
        return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
    }

    private static int[] dims(TensorProto t, String where) {
        int[] dims = new int[t.getDimsCount()];
        for (int i = 0; i < dims.length; i++) {
            long d = t.getDims(i);
            if (d > Integer.MAX_VALUE) {
                throw new OnnxException(where + ": tensor '" + t.getName() + "' has dimension " + d + ", beyond nn's int sizes");
            }
            dims[i] = (int) d;
        }
        return dims;
    }
}
