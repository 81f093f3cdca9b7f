package dev.nn.backend.onnx.inspect;

import dev.nn.backend.onnx.proto.TensorProto.DataType;

/** Facts about TensorProto.DataType codes that the spec states in prose. */
final class DataTypes {
    private DataTypes() {
    }

    /** The spec's name for a data type code, e.g. FLOAT, or "data type 99" for a code unknown here. */
    static String name(int code) {
        DataType type = DataType.forNumber(code);
        return type == null ? "data type " + code : type.name();
    }

    /** Whether the code names a real element type this module knows. */
    static boolean isKnown(int code) {
        DataType type = DataType.forNumber(code);
        return type != null && type != DataType.UNDEFINED;
    }

    /** Bits one element takes in raw_data; 0 for STRING, which raw_data cannot hold. */
    static int bits(DataType type) {
        return switch (type) {
            case UINT2, INT2 -> 2;
            case UINT4, INT4, FLOAT4E2M1 -> 4;
            case UINT8, INT8, BOOL, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ, FLOAT8E8M0 -> 8;
            case UINT16, INT16, FLOAT16, BFLOAT16 -> 16;
            case FLOAT, INT32, UINT32 -> 32;
            case INT64, UINT64, DOUBLE, COMPLEX64 -> 64;
            case COMPLEX128 -> 128;
            case STRING, UNDEFINED -> 0;
        };
    }

    /** The typed field that holds elements of a type when raw_data is not used. */
    static TypedField typedField(DataType type) {
        return switch (type) {
            case FLOAT, COMPLEX64 -> TypedField.FLOAT_DATA;
            case DOUBLE, COMPLEX128 -> TypedField.DOUBLE_DATA;
            case INT64 -> TypedField.INT64_DATA;
            case UINT32, UINT64 -> TypedField.UINT64_DATA;
            case STRING -> TypedField.STRING_DATA;
            default -> TypedField.INT32_DATA;
        };
    }

    /**
     * How many values the typed field holds for {@code elements} elements: complex numbers take
     * two, and the sub-byte types are packed, one byte per value.
     */
    static long typedValues(DataType type, long elements) {
        return switch (type) {
            case COMPLEX64, COMPLEX128 -> 2 * elements;
            case UINT2, INT2, UINT4, INT4, FLOAT4E2M1 -> rawBytes(type, elements);
            default -> elements;
        };
    }

    /** Bytes that {@code elements} elements take in raw_data, sub-byte types packed. */
    static long rawBytes(DataType type, long elements) {
        long bits = elements * bits(type);
        return bits / 8 + (bits % 8 == 0 ? 0 : 1);
    }
}
