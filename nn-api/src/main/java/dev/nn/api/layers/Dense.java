package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.activations.ActivationFunction;
import dev.nn.api.activations.Activations;
import dev.nn.api.initializers.Initializer;
import dev.nn.api.initializers.Initializers;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer, {@code activation(x · kernel + bias)}, computed by the fused dense op
 * when the activation allows it.
 */
public final class Dense extends Layer {

    private final int units;
    private final ActivationFunction activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private Variable kernel;
    private Variable bias;

    /** A linear dense layer. */
    public Dense(int units) {
        this(units, Activations.linear());
    }

    /** A dense layer with an activation by Keras name ("relu", "softmax", ...). */
    public Dense(int units, String activation) {
        this(units, Activations.get(activation));
    }

    public Dense(int units, ActivationFunction activation) {
        this(builder(units).activation(activation));
    }

    private Dense(Builder b) {
        super(b.name);
        if (b.units <= 0) {
            throw new IllegalArgumentException("Dense needs a positive number of units, got " + b.units);
        }
        this.units = b.units;
        this.activation = b.activation;
        this.useBias = b.useBias;
        this.kernelInitializer = b.kernelInitializer;
        this.biasInitializer = b.biasInitializer;
    }

    /** Every option of Dense: {@code Dense.builder(30).activation("relu").name("hidden1").build()}. */
    public static Builder builder(int units) {
        return new Builder(units);
    }

    public int units() {
        return units;
    }

    public ActivationFunction activation() {
        return activation;
    }

    public boolean useBias() {
        return useBias;
    }

    public Initializer kernelInitializer() {
        return kernelInitializer;
    }

    public Initializer biasInitializer() {
        return biasInitializer;
    }

    /** The kernel (inputs × units); available once built. */
    public Variable kernel() {
        return kernel;
    }

    /** The bias (units), or null without bias. */
    public Variable bias() {
        return bias;
    }

    @Override
    protected void doBuild(int[] inputShape, RandomGenerator random) {
        int in = inputShape.length == 0 ? -1 : inputShape[inputShape.length - 1];
        if (in <= 0) {
            throw new IllegalArgumentException("layer '" + name() + "' (Dense) needs a known last input dimension, got shape "
                    + Shapes.str(inputShape));
        }
        kernel = addWeight("kernel", new int[] {in, units}, kernelInitializer, true, random);
        if (useBias) {
            bias = addWeight("bias", new int[] {units}, biasInitializer, true, random);
        }
    }

    @Override
    protected void checkInputShape(int[] shape) {
        int in = kernel.shape()[0];
        int last = shape.length == 0 ? -1 : shape[shape.length - 1];
        if (last >= 0 && last != in) {
            throw new IllegalArgumentException("layer '" + name() + "' (Dense) expects inputs whose last dimension is " + in
                    + " (it was built for shape " + Shapes.str(builtInputShape()) + "), got shape " + Shapes.str(shape));
        }
    }

    @Override
    protected Tensor call(Tensor x, boolean training) {
        Tensor b = bias == null ? null : bias.value();
        if (activation.fusesIntoDense()) {
            return Ops.dense(x, kernel.value(), b, activation.fn(), activation.alpha());
        }
        Tensor z = Ops.dense(x, kernel.value(), b, dev.nn.api.backend.UnaryOp.IDENTITY, 0f);
        return activation.apply(z);
    }

    /** Options of a Dense layer. */
    public static final class Builder {
        private final int units;
        private String name;
        private ActivationFunction activation = Activations.linear();
        private boolean useBias = true;
        private Initializer kernelInitializer = Initializers.glorotUniform();
        private Initializer biasInitializer = Initializers.zeros();

        private Builder(int units) {
            this.units = units;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder activation(String activation) {
            return activation(Activations.get(activation));
        }

        public Builder activation(ActivationFunction activation) {
            this.activation = activation;
            return this;
        }

        public Builder useBias(boolean useBias) {
            this.useBias = useBias;
            return this;
        }

        public Builder kernelInitializer(String name) {
            return kernelInitializer(Initializers.get(name));
        }

        public Builder kernelInitializer(Initializer init) {
            this.kernelInitializer = init;
            return this;
        }

        public Builder biasInitializer(Initializer init) {
            this.biasInitializer = init;
            return this;
        }

        public Dense build() {
            return new Dense(this);
        }
    }
}
