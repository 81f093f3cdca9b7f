package dev.nn.backend.onnx.importer;

import dev.nn.api.Tensor;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.NodeProto;
import dev.nn.backend.onnx.proto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * PyTorch and most exporters store a linear layer's weight as (out, in) and use Gemm with
 * transB=1; nn's dense kernel is (in, out) and nn has no transpose op. So before import, each
 * initializer read only as such a Gemm's B is stored transposed and those Gemms get transB=0:
 * the weight then becomes an ordinary trainable nn kernel.
 */
final class GemmLayout {
    private GemmLayout() {
    }

    static GraphProto normalize(GraphProto graph) {
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        Map<String, Boolean> onlyTransposedB = new HashMap<>();
        for (NodeProto node : graph.getNodeList()) {
            for (int i = 0; i < node.getInputCount(); i++) {
                String in = node.getInput(i);
                if (initializers.contains(in)) {
                    boolean transposedB = i == 1 && isGemmTransB(node);
                    onlyTransposedB.merge(in, transposedB, Boolean::logicalAnd);
                }
            }
        }
        Set<String> flip = new HashSet<>();
        onlyTransposedB.forEach((name, only) -> {
            if (only) {
                flip.add(name);
            }
        });
        if (flip.isEmpty()) {
            return graph;
        }
        GraphProto.Builder b = graph.toBuilder();
        for (int i = 0; i < b.getInitializerCount(); i++) {
            TensorProto t = b.getInitializer(i);
            if (flip.contains(t.getName()) && t.getDimsCount() == 2) {
                b.setInitializer(i, transposed(t));
            } else {
                flip.remove(t.getName());
            }
        }
        for (int i = 0; i < b.getNodeCount(); i++) {
            NodeProto node = b.getNode(i);
            if (isGemmTransB(node) && flip.contains(node.getInput(1))) {
                b.setNode(i, withoutTransB(node));
            }
        }
        return b.build();
    }

    private static boolean isGemmTransB(NodeProto node) {
        return node.getOpType().equals("Gemm") && node.getAttributeList().stream()
                .anyMatch(a -> a.getName().equals("transB") && a.getI() != 0);
    }

    private static NodeProto withoutTransB(NodeProto node) {
        NodeProto.Builder b = node.toBuilder().clearAttribute();
        for (AttributeProto a : node.getAttributeList()) {
            if (!a.getName().equals("transB")) {
                b.addAttribute(a);
            }
        }
        return b.build();
    }

    private static TensorProto transposed(TensorProto t) {
        // found by OnnxFuzzTest: an int64 initializer as Gemm's B was cast to floats (ClassCastException)
        if (!(TensorValues.of(t, "initializer " + t.getName()) instanceof Value.Floats w)) {
            throw new OnnxException("initializer '" + t.getName() + "' is Gemm's B but holds integers, not floats");
        }
        Tensor tt = OnnxOpMapper.transpose(w.tensor());
        ByteBuffer bytes = ByteBuffer.allocate(tt.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(tt.buffer());
        return t.toBuilder().clearFloatData().clearDims().addDims(tt.dim(0)).addDims(tt.dim(1))
                .setRawData(com.google.protobuf.ByteString.copyFrom(bytes.array())).build();
    }
}
