package dev.nn.tuner.store;

import dev.nn.api.Shapes;
import dev.nn.api.Variable;
import dev.nn.api.models.Model;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights as {@code weights.bin} (every variable's float32 values, little-endian, one after the
 * other in the model's weight order) and {@code weights.json} (each variable's name, shape and
 * offset in floats), readable by any tool (numpy: {@code np.fromfile(f, "<f4")}). Loading matches
 * by position and checks every shape, as Keras does for weights without names.
 */
public final class RawWeightStore implements WeightStore {

    static final String DATA = "weights.bin";
    static final String INDEX = "weights.json";

    @Override
    public void save(Model model, Path dir) throws IOException {
        List<Variable> vars = model.weights();
        int total = vars.stream().mapToInt(Variable::size).sum();
        ByteBuffer buf = ByteBuffer.allocate(4 * total).order(ByteOrder.LITTLE_ENDIAN);
        List<Object> entries = new ArrayList<>();
        int offset = 0;
        for (Variable v : vars) {
            buf.asFloatBuffer().put(offset, v.value().buffer(), 0, v.size());
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", v.name());
            e.put("shape", shapeList(v.shape()));
            e.put("offset", offset);
            entries.add(e);
            offset += v.size();
        }
        AtomicFiles.write(dir.resolve(DATA), buf.array());
        // the index goes last: a directory with an index has complete data
        AtomicFiles.write(dir.resolve(INDEX), Json.write(Map.of("format", "nn-raw-weights-1", "weights", entries))
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void load(Model model, Path dir) throws IOException {
        Map<?, ?> index = (Map<?, ?>) Json.parse(Files.readString(dir.resolve(INDEX)));
        List<?> entries = (List<?>) index.get("weights");
        List<Variable> vars = model.weights();
        if (entries.size() != vars.size()) {
            throw new IOException(dir.resolve(INDEX) + " holds " + entries.size() + " weights but model '" + model.name()
                    + "' has " + vars.size() + "; it was saved from a different architecture");
        }
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(DATA))).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < vars.size(); i++) {
            Map<?, ?> e = (Map<?, ?>) entries.get(i);
            Variable v = vars.get(i);
            List<Object> shape = shapeList(v.shape());
            if (!shape.equals(e.get("shape"))) {
                throw new IOException("weight " + i + " ('" + e.get("name") + "') in " + dir + " has shape " + e.get("shape")
                        + " but '" + v.name() + "' has " + Shapes.str(v.shape()));
            }
            float[] values = new float[v.size()];
            data.asFloatBuffer().get(((Number) e.get("offset")).intValue(), values);
            v.assign(values);
        }
    }

    private static List<Object> shapeList(int[] shape) {
        List<Object> l = new ArrayList<>();
        for (int d : shape) {
            l.add(d);
        }
        return l;
    }
}
