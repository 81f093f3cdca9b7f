package dev.nn.backend.onnx.inspect;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a checked ONNX model contains.
 *
 * @param irVersion      the IR version the file targets
 * @param opsets         operator set version by domain; "" is the standard ONNX domain
 * @param producer       the tool that wrote the file, with its version, if it says
 * @param inputs         the graph inputs a caller feeds (initializers listed as inputs left out)
 * @param outputs        the graph outputs
 * @param opCounts       how many nodes of each op type, subgraphs included, sorted by op type;
 *                       ops outside the standard domain are prefixed by their domain
 * @param parameterCount the elements of all initializers of the main graph
 */
public record ModelSummary(long irVersion, Map<String, Long> opsets, String producer,
                           List<ValueSummary> inputs, List<ValueSummary> outputs,
                           Map<String, Integer> opCounts, long parameterCount) {

    public ModelSummary {
        opsets = Map.copyOf(opsets);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        opCounts = Collections.unmodifiableMap(new TreeMap<>(opCounts));
    }

    /** The standard operator set version, or 0 when the model imports none. */
    public long opset() {
        return opsets.getOrDefault("", opsets.getOrDefault("ai.onnx", 0L));
    }
}
