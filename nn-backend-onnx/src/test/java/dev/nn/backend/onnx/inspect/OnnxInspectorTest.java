package dev.nn.backend.onnx.inspect;

import static dev.nn.backend.onnx.TinyModels.floatValue;
import static dev.nn.backend.onnx.TinyModels.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.backend.onnx.InvalidModelException;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.TinyModels;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.NodeProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxInspectorTest {

    @Test
    void summarizesTheGemmReluModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.onnx");
        Files.write(file, TinyModels.gemmRelu().toByteArray());
        ModelSummary summary = new OnnxInspector().inspect(file);
        assertEquals(8, summary.irVersion());
        assertEquals(17, summary.opset());
        assertEquals("nn-tests", summary.producer());
        assertEquals(Map.of("Gemm", 1, "Relu", 1), summary.opCounts());
        assertEquals(6 + 2, summary.parameterCount());
        assertEquals(List.of(new ValueSummary("x", "FLOAT",
                Optional.of(List.of(new Dim.Symbolic("batch"), new Dim.Fixed(3))))), summary.inputs());
        assertEquals("y: FLOAT[batch, 2]", summary.outputs().getFirst().toString());
    }

    @Test
    void initializersListedAsInputsAreNotReportedAsInputs() {
        // IR version 3 and older list every initializer among the graph inputs too
        GraphProto graph = TinyModels.gemmRelu().getGraph().toBuilder()
                .addInput(floatValue("W", 2, 3)).addInput(floatValue("B", 2)).build();
        ModelSummary summary = new OnnxInspector().inspect(TinyModels.model(graph), "old-style");
        assertEquals(List.of("x"), summary.inputs().stream().map(ValueSummary::name).toList());
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path missing = dir.resolve("absent.onnx");
        OnnxException e = assertThrows(OnnxException.class, () -> new OnnxInspector().inspect(missing));
        assertTrue(e.getMessage().contains("not found: " + missing.toAbsolutePath()), e.getMessage());
    }

    @Test
    void limitsAreConfigurable() {
        OnnxInspector strict = new OnnxInspector(new OnnxLimits(4, 100));
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> strict.check(TinyModels.gemmRelu(), "tiny"));
        assertTrue(e.getMessage().contains("initializer 'W'") && e.getMessage().contains("limit of 4"), e.getMessage());
        OnnxInspector smallTotal = new OnnxInspector(new OnnxLimits(6, 7));
        e = assertThrows(InvalidModelException.class, () -> smallTotal.check(TinyModels.gemmRelu(), "tiny"));
        assertTrue(e.getMessage().contains("8 elements") && e.getMessage().contains("maxTotalElements"), e.getMessage());
    }

    @Test
    void topologyPutsAnUnsortedGraphInDependencyOrder() {
        GraphProto graph = GraphProto.newBuilder().addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("last", "Relu", new String[] {"b"}, "y"))
                .addNode(node("first", "Neg", new String[] {"x"}, "a"))
                .addNode(node("middle", "Abs", new String[] {"a"}, "b"))
                .build();
        List<String> order = GraphTopology.sorted(graph, name -> false, "g").stream().map(NodeProto::getName).toList();
        assertEquals(List.of("first", "middle", "last"), order);
    }

    @Test
    void omittedOptionalInputsAreNotDangling() {
        GraphProto graph = GraphProto.newBuilder().addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("clip", "Clip", new String[] {"x", "", ""}, "y")).build();
        assertEquals(1, GraphTopology.sorted(graph, name -> false, "g").size());
    }
}
