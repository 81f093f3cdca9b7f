package dev.nn.backend.onnx.export;

import com.google.protobuf.ByteString;
import dev.nn.backend.onnx.proto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Initializers in raw_data, which ONNX stores little-endian whatever the machine. */
final class TensorProtos {
    private TensorProtos() {
    }

    static TensorProto floats(String name, float[] values, int[] shape) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(bytes.array()));
        for (int d : shape) {
            t.addDims(d);
        }
        return t.build();
    }

    /** A one-dimensional int64 tensor, as Reshape's shape and the reductions' axes. */
    static TensorProto int64s(String name, long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).setRawData(ByteString.copyFrom(bytes.array())).build();
    }
}
