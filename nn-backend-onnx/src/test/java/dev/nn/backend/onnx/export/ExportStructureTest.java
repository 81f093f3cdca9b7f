package dev.nn.backend.onnx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Ops;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.inspect.OnnxInspector;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.ModelProto;
import dev.nn.backend.onnx.proto.NodeProto;
import dev.nn.backend.onnx.proto.TensorProto;
import dev.nn.backend.onnx.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an exported graph looks like: names, versions, operators and the errors export gives. */
class ExportStructureTest {

    @Test
    void keepsNnNamesVersionsAndASymbolicBatch() {
        Sequential model = TestModels.fashionMlp();
        ModelProto proto = OnnxExporter.toModelProto(model, ExportOptions.defaults());
        assertEquals(8, proto.getIrVersion());
        assertEquals(17, proto.getOpsetImport(0).getVersion());
        assertEquals("nn", proto.getProducerName());
        assertFalse(proto.getProducerVersion().isBlank() || proto.getProducerVersion().contains("${"));
        GraphProto g = proto.getGraph();
        assertEquals(model.name(), g.getName());
        assertEquals(List.of("input_layer"), g.getInputList().stream().map(v -> v.getName()).toList());
        assertEquals(model.outputNames(), g.getOutputList().stream().map(v -> v.getName()).toList());
        assertEquals(List.of("batch", "28", "28"), dims(g.getInput(0).getType().getTensorType().getShape()));
        assertEquals(List.of("batch", "10"), dims(g.getOutput(0).getType().getTensorType().getShape()));
        assertEquals(List.of("Reshape", "Gemm", "Relu", "Gemm", "Relu", "Gemm", "Softmax"), opTypes(g));
        assertEquals(List.of("flatten/reshape", "dense/dense", "dense/dense/relu", "dense_1/dense",
                "dense_1/dense/relu", "dense_2/dense", "dense_2/softmax"), g.getNodeList().stream().map(NodeProto::getName).toList());
        List<String> initializers = g.getInitializerList().stream().map(TensorProto::getName).toList();
        assertTrue(initializers.containsAll(List.of("dense/kernel", "dense/bias", "dense_2/kernel", "dense_2/bias")), initializers.toString());
        // Flatten's batch -1 becomes Reshape's "copy dimension 0", so the batch stays symbolic
        TensorProto shape = initializer(g, "flatten/reshape/shape");
        assertArrayEquals(new long[] {0, 784}, longs(shape));
    }

    @Test
    void weightsAreTheVariablesValuesAtExportTime() {
        Sequential model = TestModels.fashionMlp();
        Dense first = (Dense) model.getLayer("dense");
        GraphProto g = OnnxExporter.toModelProto(model, ExportOptions.defaults()).getGraph();
        TensorProto kernel = initializer(g, "dense/kernel");
        assertEquals(List.of(784L, 300L), kernel.getDimsList());
        assertArrayEquals(first.kernel().buffer(), floats(kernel));
    }

    @Test
    void nodeAndValueNamesAreUniqueWhenALayerRepeatsAnOp() {
        Sequential model = new Sequential(new InputLayer(3),
                new Lambda("twice", x -> Ops.add(Ops.add(x, 1f), Ops.add(x, 2f))));
        GraphProto g = OnnxExporter.toModelProto(model, ExportOptions.defaults()).getGraph();
        List<String> names = g.getNodeList().stream().map(NodeProto::getName).toList();
        assertEquals(3, new HashSet<>(names).size(), names.toString());
        assertTrue(names.stream().allMatch(n -> n.startsWith("twice/add")), names.toString());
        List<String> values = Stream.concat(g.getNodeList().stream().flatMap(n -> n.getOutputList().stream()),
                g.getInitializerList().stream().map(TensorProto::getName)).toList();
        assertEquals(values.size(), new HashSet<>(values).size(), values.toString());
    }

    @Test
    void denseOnRank3UsesMatMulAndAddBecauseGemmIsRank2Only() {
        Sequential model = new Sequential(new InputLayer(4, 5), new Dense(3, "relu"));
        GraphProto g = OnnxExporter.toModelProto(model, ExportOptions.defaults()).getGraph();
        assertEquals(List.of("MatMul", "Add", "Relu"), opTypes(g));
    }

    @Test
    void reduceMeanTakesAxesAsAnAttributeBeforeOpset18AndAsAnInputFrom18() {
        Sequential model = new Sequential(new InputLayer(4, 5), new Lambda("m", x -> Ops.mean(x, 1, false)));
        NodeProto at17 = OnnxExporter.toModelProto(model, ExportOptions.defaults()).getGraph().getNode(0);
        NodeProto at18 = OnnxExporter.toModelProto(model, new ExportOptions(18)).getGraph().getNode(0);
        assertEquals("axes", at17.getAttribute(0).getName());
        assertEquals(1, at17.getInputCount());
        assertEquals(2, at18.getInputCount());
        assertTrue(at18.getAttributeList().stream().noneMatch(a -> a.getName().equals("axes")));
    }

    @Test
    void irVersionFollowsTheOpset() {
        Sequential model = TestModels.fashionMlp();
        assertEquals(8, OnnxExporter.toModelProto(model, new ExportOptions(18)).getIrVersion());
        assertEquals(9, OnnxExporter.toModelProto(model, new ExportOptions(19)).getIrVersion());
        assertEquals(10, OnnxExporter.toModelProto(model, new ExportOptions(21)).getIrVersion());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExportOptions(22));
        assertTrue(e.getMessage().contains("17 to 21"), e.getMessage());
    }

    @Test
    void anOutputThatIsTheInputGetsACopy() {
        Sequential model = new Sequential(new InputLayer(3));
        GraphProto g = OnnxExporter.toModelProto(model, ExportOptions.defaults()).getGraph();
        assertEquals(List.of("Identity"), opTypes(g));
        assertEquals(List.of("input_layer"), g.getNode(0).getInputList());
        assertEquals(model.outputNames(), g.getNode(0).getOutputList());
    }

    @Test
    void aLossInTheGraphIsRefusedByName() {
        Sequential model = new Sequential(new InputLayer(3),
                new Lambda("loss", x -> Ops.softmaxCrossEntropy(x, x, false)));
        OnnxException e = assertThrows(OnnxException.class,
                () -> OnnxExporter.toModelProto(model, ExportOptions.defaults()));
        assertTrue(e.getMessage().contains("loss/softmax_cross_entropy") && e.getMessage().contains("training loss"),
                e.getMessage());
    }

    @Test
    void anUnbuiltModelSaysHowToBuildIt() {
        Sequential model = new Sequential(new Dense(3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnnxExporter.toBytes(model));
        assertTrue(e.getMessage().contains("not built") && e.getMessage().contains("InputLayer"), e.getMessage());
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/model.onnx");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "an older file");
        OnnxExporter.export(TestModels.fashionMlp(), file);
        ModelProto read = new OnnxInspector().read(file);
        assertEquals("nn", read.getProducerName());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static List<String> opTypes(GraphProto g) {
        return g.getNodeList().stream().map(NodeProto::getOpType).toList();
    }

    private static List<String> dims(TensorShapeProto shape) {
        return shape.getDimList().stream()
                .map(d -> d.hasDimParam() ? d.getDimParam() : Long.toString(d.getDimValue())).toList();
    }

    private static TensorProto initializer(GraphProto g, String name) {
        return g.getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private static long[] longs(TensorProto t) {
        long[] out = new long[(int) t.getDims(0)];
        t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    private static float[] floats(TensorProto t) {
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.remaining() / Float.BYTES];
        raw.asFloatBuffer().get(out);
        return out;
    }
}
