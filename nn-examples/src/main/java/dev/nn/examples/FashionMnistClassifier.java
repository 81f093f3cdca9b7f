package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;

import dev.nn.api.Tensor;
import dev.nn.api.backend.Backends;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import dev.nn.backend.onnx.export.OnnxExporter;
import dev.nn.io.data.FashionMnist;
import dev.nn.io.data.Split;
import dev.nn.io.data.TrainValidationTest;
import dev.nn.io.plot.LearningCurves;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The chapter's image classifier: Fashion-MNIST, an MLP 784-300-100-10 trained with SGD 0.01,
 * batch 32, 30 epochs, on the first 55,000 training images, validated on the last 5,000.
 */
final class FashionMnistClassifier implements Example {

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST image classifier (MLP 300-100-10, SGD): summary, fit, learning curves, evaluate, predict";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        PrintStream out = ctx.out();
        out.println("Backend: " + Backends.current().name() + " with " + Backends.current().threads() + " thread(s)");
        // the book's split: the last 5,000 training images for validation, the first 55,000 for training
        TrainValidationTest data = FashionMnist.loadWithValidation(5_000);
        Split train = ctx.trainingRows(data.train(), 5_000);
        Tensor xTrain = train.x();
        Tensor yTrain = train.y();
        Tensor xValid = data.validation().x();
        Tensor yValid = data.validation().y();
        Tensor xTest = data.test().x();
        Tensor yTest = data.test().y();
        out.printf(Locale.ROOT, "Training on %,d images, validating on %,d, testing on %,d%n",
                xTrain.dim(0), xValid.dim(0), xTest.dim(0));

        Sequential model = new Sequential(
                new InputLayer(28, 28),
                new Flatten(),
                new Dense(300, "relu"),
                new Dense(100, "relu"),
                new Dense(10, "softmax"));
        model.seed(42);
        out.println(model.summary());
        Dense hidden1 = (Dense) model.getLayer("dense");
        out.println("First hidden layer: " + hidden1.name() + ", kernel " + java.util.Arrays.toString(hidden1.kernel().shape())
                + ", bias " + java.util.Arrays.toString(hidden1.bias().shape()));

        model.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(0.01)), metrics("accuracy"));
        long start = System.nanoTime();
        History history = model.fit(xTrain, yTrain, epochs(ctx.epochsOr(30, 2)), batchSize(ctx.batchSizeOr(32)),
                validationData(xValid, yValid));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Trained %d epochs in %.1f s (%.2f s per epoch, validation included)%n",
                history.epochs().size(), seconds, seconds / history.epochs().size());

        Path curves = ctx.file("learning_curves.png");
        LearningCurves.plot(history.history(), curves);
        LearningCurves.plot(history.history(), ctx.file("learning_curves.svg"));

        Map<String, Double> test = model.evaluate(xTest, yTest);
        out.printf(Locale.ROOT, "Test loss: %.4f, test accuracy: %.4f%n", test.get("loss"), test.get("accuracy"));

        Tensor probabilities = model.predict(xTest.rows(0, 3));
        float[] p = probabilities.toArray();
        for (int i = 0; i < 3; i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (p[i * 10 + c] > p[i * 10 + best]) {
                    best = c;
                }
            }
            out.printf(Locale.ROOT, "Test image %d: predicted %s (p = %.2f), true %s%n", i,
                    FashionMnist.CLASS_NAMES.get(best), p[i * 10 + best], FashionMnist.CLASS_NAMES.get((int) yTest.get(i)));
        }
        Path saved = ctx.file("fashion_mnist_model.nn");
        model.save(saved);
        Path onnx = ctx.file("fashion_mnist_model.onnx");
        OnnxExporter.export(model, onnx);
        out.println("Wrote " + curves.toAbsolutePath() + " (and .svg)");
        out.println("Wrote " + saved.toAbsolutePath() + " (nn model: nn summary, nn predict)");
        out.println("Wrote " + onnx.toAbsolutePath() + " (ONNX, for onnxruntime and other runtimes)");
    }
}
