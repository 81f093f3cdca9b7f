package dev.nn.backend.onnx.importer;

import dev.nn.backend.onnx.OnnxException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A graph uses ops nn cannot import; the message lists every such op type and the nodes using it. */
public final class UnsupportedOpsException extends OnnxException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, List<String>> nodesByOpType;

    UnsupportedOpsException(String source, Map<String, List<String>> nodesByOpType) {
        super(source + " uses ops nn cannot import: " + describe(nodesByOpType) + ". nn imports "
                + OnnxOpMapper.SUPPORTED.stream().sorted().toList());
        this.nodesByOpType = Collections.unmodifiableMap(new TreeMap<>(nodesByOpType));
    }

    /** Each unsupported op type, in alphabetical order, with the names of the nodes that use it. */
    public Map<String, List<String>> nodesByOpType() {
        return nodesByOpType;
    }

    private static String describe(Map<String, List<String>> byType) {
        StringBuilder sb = new StringBuilder();
        byType.forEach((type, nodes) -> sb.append(sb.isEmpty() ? "" : "; ").append(type)
                .append(nodes.size() == 1 ? " (node " : " (nodes ").append(String.join(", ", nodes)).append(')'));
        return sb.toString();
    }
}
