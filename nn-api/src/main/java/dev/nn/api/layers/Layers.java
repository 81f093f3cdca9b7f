package dev.nn.api.layers;

import dev.nn.api.Tensor;
import java.util.List;

/**
 * Shorthands for the merge layers, as Keras's {@code layers.concatenate([a, b])}: each makes a
 * new layer and applies it to the given tensors.
 */
public final class Layers {

    private Layers() {
    }

    /** Joins the tensors along the last axis. */
    public static Tensor concatenate(Tensor... inputs) {
        return new Concatenate().apply(List.of(inputs));
    }

    /** Joins the tensors along {@code axis}. */
    public static Tensor concatenate(int axis, Tensor... inputs) {
        return new Concatenate(axis).apply(List.of(inputs));
    }

    public static Tensor add(Tensor... inputs) {
        return new Add().apply(List.of(inputs));
    }

    public static Tensor multiply(Tensor... inputs) {
        return new Multiply().apply(List.of(inputs));
    }

    public static Tensor average(Tensor... inputs) {
        return new Average().apply(List.of(inputs));
    }
}
