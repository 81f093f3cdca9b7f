package dev.nn.api.saving;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Add;
import dev.nn.api.layers.Average;
import dev.nn.api.layers.Concatenate;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.Multiply;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Normalization;
import dev.nn.api.models.Functional;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture config: every layer as {@code {"class": "Dense", "config": {...}}}, built from
 * the layers' public getters and rebuilt through their public constructors. Models are layers
 * here too, so a Sequential nests; a Functional model lists its layers and its layer calls with
 * the calls feeding each (see FORMAT.md). Any other class is saved by its simple name and rebuilt from
 * the customObjects given to {@link Models#load}.
 */
final class LayerConfigs {

    private LayerConfigs() {
    }

    // ---- layer to config -------------------------------------------------------------------

    static Map<String, Object> of(Layer layer) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", layer.name());
        c.put("trainable", layer.trainable());
        String type = switch (layer) {
            case Dense d -> {
                c.put("units", d.units());
                c.put("activation", ObjectConfigs.activation(d.activation()));
                c.put("use_bias", d.useBias());
                c.put("kernel_initializer", ObjectConfigs.initializer(d.kernelInitializer()));
                c.put("bias_initializer", ObjectConfigs.initializer(d.biasInitializer()));
                yield "Dense";
            }
            case Activation a -> {
                c.put("activation", ObjectConfigs.activation(a.function()));
                yield "Activation";
            }
            case Dropout d -> {
                c.put("rate", (double) d.rate());
                yield "Dropout";
            }
            case InputLayer in -> {
                c.put("shape", ints(in.exampleShape()));
                yield "InputLayer";
            }
            case Flatten f -> "Flatten";
            case Normalization n -> "Normalization";
            case Concatenate cat -> {
                c.put("axis", cat.axis());
                yield "Concatenate";
            }
            case Add a -> "Add";
            case Multiply m -> "Multiply";
            case Average a -> "Average";
            case Functional f -> {
                functional(f, c);
                yield "Functional";
            }
            case Sequential s when s.getClass() == Sequential.class -> {
                List<Object> layers = new ArrayList<>();
                s.layers().forEach(l -> layers.add(of(l)));
                c.put("layers", layers);
                putInputs(s, c);
                yield "Sequential";
            }
            case Model m -> {
                putInputs(m, c);
                yield CustomObjects.nameOf(m);
            }
            default -> CustomObjects.nameOf(layer);
        };
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("class", type);
        entry.put("config", c);
        return entry;
    }

    /**
     * A functional model as Keras saves one: its layers, then every call with the calls that feed
     * it (by layer name and call index), the input layers and the output calls.
     */
    private static void functional(Functional f, Map<String, Object> c) {
        List<Object> layers = new ArrayList<>();
        f.layers().forEach(l -> layers.add(of(l)));
        c.put("layers", layers);
        List<Object> calls = new ArrayList<>();
        for (Functional.Call call : f.calls()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("layer", call.layer().name());
            entry.put("inputs", refs(call.inputs()));
            calls.add(entry);
        }
        c.put("calls", calls);
        c.put("input_layers", List.copyOf(f.inputNames()));
        c.put("outputs", refs(f.outputRefs()));
    }

    private static List<Object> refs(List<Functional.CallRef> refs) {
        List<Object> out = new ArrayList<>();
        for (Functional.CallRef r : refs) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("layer", r.layer());
            ref.put("call", r.callIndex());
            out.add(ref);
        }
        return out;
    }

    /** A model's input names and shapes (batch -1), so the loaded model builds at once. */
    private static void putInputs(Model m, Map<String, Object> c) {
        c.put("input_names", List.copyOf(m.inputNames()));
        if (m.inputShapes() != null) {
            List<Object> shapes = new ArrayList<>();
            m.inputShapes().forEach(s -> shapes.add(ints(s)));
            c.put("input_shapes", shapes);
        }
    }

    private static List<Integer> ints(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    // ---- config to layer -------------------------------------------------------------------

    static Layer create(Config entry, CustomObjects custom) {
        String type = entry.string("class");
        Config c = entry.object("config");
        String name = c.string("name");
        Layer layer = switch (type) {
            case "Dense" -> Dense.builder(c.intValue("units"))
                    .name(name)
                    .activation(ObjectConfigs.activation(c.object("activation")))
                    .useBias(c.bool("use_bias"))
                    .kernelInitializer(ObjectConfigs.initializer(c.object("kernel_initializer")))
                    .biasInitializer(ObjectConfigs.initializer(c.object("bias_initializer")))
                    .build();
            case "Activation" -> new Activation(name, ObjectConfigs.activation(c.object("activation")));
            case "Dropout" -> new Dropout(name, c.number("rate"));
            case "InputLayer" -> new InputLayer(name, c.ints("shape"));
            case "Flatten" -> new Flatten(name);
            case "Normalization" -> new Normalization(name);
            case "Sequential" -> sequential(name, c, custom);
            case "Concatenate" -> new Concatenate(name, c.intValue("axis"));
            case "Add" -> new Add(name);
            case "Multiply" -> new Multiply(name);
            case "Average" -> new Average(name);
            case "Functional" -> functional(name, c, custom);
            default -> customLayer(type, name, c, custom);
        };
        layer.setTrainable(c.bool("trainable"));
        return layer;
    }

    /** A Sequential: with a fixed input shape it starts with an InputLayer, as Keras rebuilds one; else it builds for the shape. */
    private static Sequential sequential(String name, Config c, CustomObjects custom) {
        List<Layer> layers = new ArrayList<>();
        List<int[]> shapes = inputShapes(c);
        boolean fixed = shapes != null && Arrays.stream(shapes.get(0)).skip(1).allMatch(d -> d > 0);
        if (fixed) {
            int[] s = shapes.get(0);
            layers.add(new InputLayer(c.strings("input_names").get(0), Arrays.copyOfRange(s, 1, s.length)));
        }
        for (Config l : c.objects("layers")) {
            layers.add(create(l, custom));
        }
        Sequential model = new Sequential(name, layers);
        if (shapes != null && !fixed) {
            model.buildFor(shapes);
        }
        return model;
    }

    /** Rebuilds a functional model by replaying its layer calls on fresh inputs. */
    private static Functional functional(String name, Config c, CustomObjects custom) {
        Map<String, Layer> layers = new LinkedHashMap<>();
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        Map<String, List<Tensor>> made = new LinkedHashMap<>();
        for (Config l : c.objects("layers")) {
            Config lc = l.object("config");
            String layerName = lc.string("name");
            if (l.string("class").equals("InputLayer")) {
                Tensor in = Input.of(layerName, lc.ints("shape"));
                inputs.put(layerName, in);
                made.put(layerName, new ArrayList<>(List.of(in)));
            } else {
                layers.put(layerName, create(l, custom));
            }
        }
        for (Config call : c.objects("calls")) {
            String layerName = call.string("layer");
            Layer layer = layers.get(layerName);
            if (layer == null) {
                throw new IllegalArgumentException("functional model '" + name + "' calls layer '" + layerName
                        + "', which its layer list lacks");
            }
            List<Tensor> args = new ArrayList<>();
            for (Config ref : call.objects("inputs")) {
                args.add(resolve(ref, made, name));
            }
            made.computeIfAbsent(layerName, k -> new ArrayList<>()).add(layer.apply(args, false));
        }
        List<Tensor> ins = new ArrayList<>();
        for (String in : c.strings("input_layers")) {
            Tensor t = inputs.get(in);
            if (t == null) {
                throw new IllegalArgumentException("functional model '" + name + "' has no input layer '" + in + "'");
            }
            ins.add(t);
        }
        List<Tensor> outs = new ArrayList<>();
        for (Config ref : c.objects("outputs")) {
            outs.add(resolve(ref, made, name));
        }
        return new Functional(ins, outs, name);
    }

    private static Tensor resolve(Config ref, Map<String, List<Tensor>> made, String model) {
        String layer = ref.string("layer");
        int call = ref.intValue("call");
        List<Tensor> calls = made.get(layer);
        if (calls == null || call < 0 || call >= calls.size()) {
            throw new IllegalArgumentException("functional model '" + model + "' refers to call " + call + " of layer '"
                    + layer + "' before it is made; the file's call list is out of order or corrupt");
        }
        return calls.get(call);
    }

    private static Layer customLayer(String type, String name, Config c, CustomObjects custom) {
        Layer layer = custom.create(type, Layer.class, "layer or model class");
        layer.assignName(name);
        if (!layer.name().equals(name)) {
            throw new IllegalArgumentException("customObjects '" + type + "' made a layer named '" + layer.name()
                    + "' but the file saved it as '" + name + "'");
        }
        List<int[]> shapes = inputShapes(c);
        if (layer instanceof Model m && shapes != null) {
            m.buildFor(shapes);
        }
        return layer;
    }

    private static List<int[]> inputShapes(Config c) {
        return c.has("input_shapes") ? c.intLists("input_shapes") : null;
    }
}
