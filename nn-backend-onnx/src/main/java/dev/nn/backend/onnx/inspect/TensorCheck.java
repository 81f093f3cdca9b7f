package dev.nn.backend.onnx.inspect;

import dev.nn.backend.onnx.InvalidModelException;
import dev.nn.backend.onnx.Shapes;
import dev.nn.backend.onnx.proto.StringStringEntryProto;
import dev.nn.backend.onnx.proto.TensorProto;
import dev.nn.backend.onnx.proto.TensorProto.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks that a stored tensor (an initializer or a Constant's value) holds exactly the elements
 * its dims declare, within the limits, before anyone allocates memory for it.
 */
final class TensorCheck {
    private final OnnxLimits limits;

    TensorCheck(OnnxLimits limits) {
        this.limits = limits;
    }

    /**
     * @param where names the tensor for messages, e.g. "model.onnx: initializer 'fc.weight'"
     * @return the number of elements the tensor holds
     * @throws InvalidModelException naming the tensor and what is wrong with it
     */
    long check(TensorProto tensor, String where) {
        if (!DataTypes.isKnown(tensor.getDataType())) {
            throw new InvalidModelException(where + " has unknown " + DataTypes.name(tensor.getDataType()));
        }
        DataType type = DataType.forNumber(tensor.getDataType());
        for (long dim : tensor.getDimsList()) {
            if (dim < 0) {
                throw new InvalidModelException(where + " has negative dimension " + dim + " in dims " + tensor.getDimsList());
            }
        }
        long elements = Shapes.elementCount(toArray(tensor.getDimsList()));
        if (elements < 0 || elements > limits.maxTensorElements()) {
            throw new InvalidModelException(where + " declares dims " + tensor.getDimsList() + ", "
                    + (elements < 0 ? "more than 2^63" : elements) + " elements, over the limit of "
                    + limits.maxTensorElements() + " elements per tensor (OnnxLimits.maxTensorElements)");
        }
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            checkExternal(tensor, where);
            return elements;
        }
        List<TypedField> typed = Arrays.stream(TypedField.values()).filter(f -> f.count(tensor) > 0).toList();
        if (typed.size() + (tensor.hasRawData() ? 1 : 0) > 1) {
            throw new InvalidModelException(where + " stores its elements in several fields at once: "
                    + (tensor.hasRawData() ? "raw_data, " : "") + typed.stream().map(TypedField::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (tensor.hasRawData()) {
            checkRaw(tensor, type, elements, where);
        } else {
            checkTyped(tensor, type, elements, typed, where);
        }
        return elements;
    }

    private static void checkRaw(TensorProto tensor, DataType type, long elements, String where) {
        if (type == DataType.STRING) {
            throw new InvalidModelException(where + " is a STRING tensor, which raw_data cannot hold; use string_data");
        }
        long expected = DataTypes.rawBytes(type, elements);
        long actual = tensor.getRawData().size();
        if (actual != expected) {
            throw new InvalidModelException(where + " declares dims " + tensor.getDimsList() + " of " + type
                    + ", " + elements + " elements in " + expected + " bytes, but raw_data holds " + actual + " bytes");
        }
    }

    private static void checkTyped(TensorProto tensor, DataType type, long elements, List<TypedField> typed, String where) {
        TypedField field = DataTypes.typedField(type);
        if (typed.isEmpty()) {
            if (elements > 0) {
                throw new InvalidModelException(where + " declares dims " + tensor.getDimsList() + ", " + elements
                        + " elements, but holds no data (neither raw_data nor " + field + ")");
            }
            return;
        }
        if (typed.getFirst() != field) {
            throw new InvalidModelException(where + " is " + type + " but holds its elements in "
                    + typed.getFirst() + "; " + type + " belongs in " + field + " or raw_data");
        }
        long expected = DataTypes.typedValues(type, elements);
        long actual = field.count(tensor);
        if (actual != expected) {
            throw new InvalidModelException(where + " declares dims " + tensor.getDimsList() + " of " + type
                    + ", which takes " + expected + " values in " + field + ", but it holds " + actual);
        }
    }

    /** External data lives beside the model; its location must not point anywhere else. */
    private static void checkExternal(TensorProto tensor, String where) {
        String location = null;
        for (StringStringEntryProto entry : tensor.getExternalDataList()) {
            if (entry.getKey().equals("location")) {
                location = entry.getValue();
            }
        }
        if (location == null || location.isBlank()) {
            throw new InvalidModelException(where + " keeps its data externally but names no location");
        }
        boolean absolute = location.startsWith("/") || location.startsWith("\\") || location.matches("^[A-Za-z]:.*");
        boolean climbs = List.of(location.split("[/\\\\]")).contains("..");
        if (absolute || climbs) {
            throw new InvalidModelException(where + " keeps its data at '" + location
                    + "', outside the model's directory; external data must be a relative path below it");
        }
    }

    private static long[] toArray(List<Long> dims) {
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
