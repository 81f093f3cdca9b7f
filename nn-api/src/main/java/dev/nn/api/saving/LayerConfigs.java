package dev.nn.api.saving;

import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Normalization;
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
 * here too, so a Sequential nests; a Functional model will add its own case (layers with inbound
 * node references, see FORMAT.md). Any other class is saved by its simple name and rebuilt from
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
