package dev.nn.backend.onnx.inspect;

/** One dimension of a declared shape: a fixed size, a named symbol such as "batch", or unknown. */
public sealed interface Dim {

    record Fixed(long size) implements Dim {
        @Override
        public String toString() {
            return Long.toString(size);
        }
    }

    record Symbolic(String name) implements Dim {
        @Override
        public String toString() {
            return name;
        }
    }

    record Unknown() implements Dim {
        @Override
        public String toString() {
            return "?";
        }
    }
}
