package dev.nn.backend.onnx.inspect;

import static dev.nn.backend.onnx.TinyModels.floatValue;
import static dev.nn.backend.onnx.TinyModels.node;
import static dev.nn.backend.onnx.TinyModels.rawFloats;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.nn.backend.onnx.InvalidModelException;
import dev.nn.backend.onnx.TinyModels;
import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.ModelProto;
import dev.nn.backend.onnx.proto.StringStringEntryProto;
import dev.nn.backend.onnx.proto.TensorProto;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Files built to hurt a loader: each must be refused with a message that says what and where. */
class HostileModelTest {
    private final OnnxInspector inspector = new OnnxInspector();

    private String refused(ModelProto model) {
        // through bytes, as a file would arrive
        return assertThrows(InvalidModelException.class,
                () -> inspector.parse(model.toByteArray(), "evil.onnx")).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    private static GraphProto.Builder identityGraph() {
        return GraphProto.newBuilder().setName("g")
                .addInput(floatValue("x", "batch", 2)).addOutput(floatValue("y", "batch", 2));
    }

    @Test
    void hugeDimsAreRefusedBeforeAnyAllocation() {
        TensorProto huge = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(100_000).addDims(100_000).addDims(100_000).setRawData(ByteString.copyFrom(new byte[16]))
                .build();
        String message = refused(TinyModels.model(identityGraph().addInitializer(huge)
                .addNode(node("id", "Identity", new String[] {"x"}, "y")).build()));
        assertMentions(message, "evil.onnx", "initializer 'w'", "[100000, 100000, 100000]", "OnnxLimits.maxTensorElements");
    }

    @Test
    void dimsWhoseProductOverflowsAreRefused() {
        TensorProto overflow = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1L << 40).addDims(1L << 40).build();
        String message = refused(TinyModels.model(identityGraph().addInitializer(overflow)
                .addNode(node("id", "Identity", new String[] {"x"}, "y")).build()));
        assertMentions(message, "initializer 'w'", "more than 2^63");
    }

    @Test
    void rawDataShorterThanDimsIsRefused() {
        TensorProto shortData = rawFloats("w", new float[5], 2, 3); // 6 elements declared, 5 stored
        String message = refused(TinyModels.model(identityGraph().addInitializer(shortData)
                .addNode(node("id", "Identity", new String[] {"x"}, "y")).build()));
        assertMentions(message, "initializer 'w'", "[2, 3]", "24 bytes", "raw_data holds 20 bytes");
    }

    @Test
    void typedDataCountMismatchIsRefused() {
        TensorProto bias = TensorProto.newBuilder().setName("b").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).addFloatData(1f).build();
        String message = refused(TinyModels.model(identityGraph().addInitializer(bias)
                .addNode(node("id", "Identity", new String[] {"x"}, "y")).build()));
        assertMentions(message, "initializer 'b'", "4 values in float_data", "holds 1");
    }

    @Test
    void tensorsStoredInTheWrongPlaceAreRefused() {
        TensorProto.Builder w = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(2);
        assertMentions(refusedInitializer(w.clone().addInt64Data(1).addInt64Data(2)),
                "is FLOAT but holds its elements in int64_data");
        assertMentions(refusedInitializer(w.clone().addFloatData(1).addFloatData(2).setRawData(ByteString.copyFrom(new byte[8]))),
                "several fields at once: raw_data, float_data");
        assertMentions(refusedInitializer(w.clone()), "2 elements, but holds no data");
        assertMentions(refusedInitializer(w.clone().setDataType(TensorProto.DataType.STRING_VALUE)
                .setRawData(ByteString.copyFrom(new byte[2]))), "STRING tensor, which raw_data cannot hold");
        assertMentions(refusedInitializer(w.clone().setDataType(99)), "unknown data type 99");
        assertMentions(refusedInitializer(w.clone().setDataType(TensorProto.DataType.INT4_VALUE)
                .setRawData(ByteString.copyFrom(new byte[2]))), "2 elements in 1 bytes, but raw_data holds 2 bytes");
    }

    private String refusedInitializer(TensorProto.Builder tensor) {
        return refused(TinyModels.model(identityGraph().addInitializer(tensor)
                .addNode(node("id", "Identity", new String[] {"x"}, "y")).build()));
    }

    @Test
    void oversizedConstantInsideANodeIsRefused() {
        TensorProto value = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1 << 20).addDims(1 << 20).build();
        GraphProto graph = identityGraph()
                .addNode(node("c", "Constant", new String[0], "k").toBuilder()
                        .addAttribute(AttributeProto.newBuilder().setName("value").setT(value)
                                .setType(AttributeProto.AttributeType.TENSOR)))
                .addNode(node("add", "Add", new String[] {"x", "k"}, "y")).build();
        assertMentions(refused(TinyModels.model(graph)), "node 'c' (Constant #0) attribute 'value'", "over the limit");
    }

    @Test
    void externalDataOutsideTheModelDirectoryIsRefused() {
        TensorProto escaping = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(2).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("../../etc/passwd"))
                .build();
        String message = refused(TinyModels.model(identityGraph().addInitializer(escaping)
                .addNode(node("id", "Identity", new String[] {"x"}, "y")).build()));
        assertMentions(message, "initializer 'w'", "'../../etc/passwd'", "outside the model's directory");
    }

    @Test
    void cycleIsRefusedNamingItsNodes() {
        GraphProto graph = identityGraph()
                .addNode(node("a", "Add", new String[] {"x", "c"}, "a_out"))
                .addNode(node("b", "Relu", new String[] {"a_out"}, "b_out"))
                .addNode(node("c", "Neg", new String[] {"b_out"}, "c"))
                .addNode(node("out", "Identity", new String[] {"b_out"}, "y"))
                .build();
        String message = refused(TinyModels.model(graph));
        assertMentions(message, "cycle", "node 'a' (Add #0) -> node 'b' (Relu #1) -> node 'c' (Neg #2) -> node 'a' (Add #0)");
    }

    @Test
    void longCycleIsReportedInShort() {
        // 20k nodes in one ring: checked in linear time, named in a message of bounded length
        int n = 20_000;
        GraphProto.Builder graph = identityGraph().addNode(node("out", "Identity", new String[] {"x"}, "y"));
        for (int i = 0; i < n; i++) {
            graph.addNode(node("n" + i, "Neg", new String[] {"v" + ((i + n - 1) % n)}, "v" + i));
        }
        String message = refused(TinyModels.model(graph.build()));
        assertMentions(message, "cycle: node 'n0' (Neg #1) -> node 'n1' (Neg #2)", "-> ... (20000 nodes)");
        assertTrue(message.length() < 1000, message);
    }

    @Test
    void nodeReadingItsOwnOutputIsACycle() {
        GraphProto graph = identityGraph().addNode(node("loop", "Add", new String[] {"x", "y"}, "y")).build();
        assertMentions(refused(TinyModels.model(graph)), "cycle", "node 'loop' (Add #0) -> node 'loop' (Add #0)");
    }

    @Test
    void danglingInputIsRefusedNamingTheNode() {
        GraphProto graph = identityGraph()
                .addNode(node("fc", "Gemm", new String[] {"x", "W_missing"}, "y")).build();
        assertMentions(refused(TinyModels.model(graph)),
                "graph 'g'", "node 'fc' (Gemm #0) reads 'W_missing'", "no node produces");
    }

    @Test
    void danglingInputInsideASubgraphIsRefused() {
        GraphProto branch = GraphProto.newBuilder().setName("then")
                .addNode(node("inner", "Neg", new String[] {"nowhere"}, "t")).addOutput(floatValue("t", 2)).build();
        GraphProto graph = identityGraph()
                .addNode(node("if", "If", new String[] {"x"}, "y").toBuilder()
                        .addAttribute(AttributeProto.newBuilder().setName("then_branch").setG(branch)
                                .setType(AttributeProto.AttributeType.GRAPH)))
                .build();
        assertMentions(refused(TinyModels.model(graph)),
                "node 'if' (If #0) attribute 'then_branch' subgraph 'then'", "node 'inner' (Neg #0) reads 'nowhere'");
    }

    @Test
    void twoWritersOfOneValueAreRefused() {
        GraphProto graph = identityGraph()
                .addNode(node("p", "Relu", new String[] {"x"}, "y"))
                .addNode(node("q", "Neg", new String[] {"x"}, "y")).build();
        assertMentions(refused(TinyModels.model(graph)), "'y' is written by both node 'p' (Relu #0) and node 'q' (Neg #1)");
    }

    @Test
    void outputNobodyProducesIsRefused() {
        GraphProto graph = identityGraph().addNode(node("p", "Relu", new String[] {"x"}, "z")).build();
        assertMentions(refused(TinyModels.model(graph)), "graph output 'y' is never produced");
    }

    @Test
    void garbageBytesAreNotAModel() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> inspector.parse(garbage, "noise.bin"));
        assertMentions(e.getMessage(), "Not an ONNX model: noise.bin");
    }

    @Test
    void bytesThatParseAsUnknownFieldsAreNotAModel() {
        // field 99 as a varint: valid protobuf, yet no ModelProto field is set
        byte[] unknownField = {(byte) 0x98, 0x06, 0x01};
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> inspector.parse(unknownField, "odd.onnx"));
        assertMentions(e.getMessage(), "Not an ONNX model: odd.onnx has no graph");
    }

    @Test
    void modelWithoutOpsetIsRefused() {
        ModelProto model = TinyModels.gemmRelu().toBuilder().clearOpsetImport().build();
        assertMentions(refused(model), "imports no operator set");
    }
}
