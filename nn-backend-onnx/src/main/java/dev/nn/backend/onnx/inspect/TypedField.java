package dev.nn.backend.onnx.inspect;

import dev.nn.backend.onnx.proto.TensorProto;
import java.util.function.ToLongFunction;

/** The TensorProto fields that hold elements one value each, as opposed to raw_data's bytes. */
enum TypedField {
    FLOAT_DATA("float_data", TensorProto::getFloatDataCount),
    INT32_DATA("int32_data", TensorProto::getInt32DataCount),
    STRING_DATA("string_data", TensorProto::getStringDataCount),
    INT64_DATA("int64_data", TensorProto::getInt64DataCount),
    DOUBLE_DATA("double_data", TensorProto::getDoubleDataCount),
    UINT64_DATA("uint64_data", TensorProto::getUint64DataCount);

    private final String fieldName;
    private final ToLongFunction<TensorProto> counter;

    TypedField(String fieldName, ToLongFunction<TensorProto> counter) {
        this.fieldName = fieldName;
        this.counter = counter;
    }

    long count(TensorProto tensor) {
        return counter.applyAsLong(tensor);
    }

    /** The spec's field name, as messages should show it. */
    @Override
    public String toString() {
        return fieldName;
    }
}
