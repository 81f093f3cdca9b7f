package dev.nn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example runs to its end in a short run and prints what the book prints. */
class ExamplesTest {

    @TempDir
    Path dir;

    private String run(String name) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Example example = Main.EXAMPLES.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        example.run(new ExampleContext(dir.resolve(name), out, true, 0, 0));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void assertPng(Path file) throws Exception {
        assertTrue(Files.size(file) > 1000, file + " is too small to be a picture");
        byte[] head = Files.readAllBytes(file);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    @Test
    void everyExampleHasAUniqueNameAndADescription() {
        assertEquals(Main.EXAMPLES.size(), Main.EXAMPLES.stream().map(Example::name).distinct().count());
        Main.EXAMPLES.forEach(e -> assertTrue(e.description().length() > 20, e.name()));
    }

    @Test
    void activations() throws Exception {
        String out = run("activations");
        assertTrue(out.contains("f= 0.8808 f'= 0.1050"), out); // sigmoid(2) and its derivative by autodiff
        assertPng(dir.resolve("activations/activation_functions.png"));
    }

    @Test
    void perceptron() throws Exception {
        String out = run("perceptron");
        assertTrue(out.contains("petal length 2.0, width 0.5 -> setosa (1)"), out);
        assertTrue(out.contains("petal length 3.0, width 1.0 -> not setosa (0)"), out);
        assertPng(dir.resolve("perceptron/perceptron_decision_boundary.png"));
    }

    @Test
    void xor() throws Exception {
        String out = run("xor");
        assertTrue(out.contains("Hand-weighted step network:\n  0 XOR 0 -> 0.000\n  0 XOR 1 -> 1.000\n  1 XOR 0 -> 1.000\n  1 XOR 1 -> 0.000"), out);
        assertTrue(out.contains("accuracy 1.0"), out);
    }

    @Test
    void fashionMnist() throws Exception {
        String out = run("fashion-mnist");
        assertTrue(out.contains("Total params: 266,610"), out);
        Matcher m = Pattern.compile("test accuracy: ([0-9.]+)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) > 0.6, "short-run test accuracy " + m.group(1));
        assertPng(dir.resolve("fashion-mnist/learning_curves.png"));
    }

    @Test
    void californiaHousing() throws Exception {
        String out = run("california-housing");
        assertTrue(out.contains("Test MSE: ") && out.contains("Test RMSE: "), out);
        assertTrue(out.contains("Non-trainable params: 17"), out);
        assertPng(dir.resolve("california-housing/learning_curves_adam.png"));
    }

    @Test
    void wideAndDeep() throws Exception {
        String out = run("wide-and-deep");
        assertTrue(out.contains("Total params: 1,239"), out);
        assertTrue(out.contains("One input, test MSE") && out.contains("Two inputs, test MSE")
                && out.contains("Auxiliary output, test losses: total"), out);
        assertPng(dir.resolve("wide-and-deep/learning_curves_aux_output.png"));
    }

    @Test
    void subclassing() throws Exception {
        String out = run("subclassing");
        assertTrue(out.contains("Test losses: total") && out.contains("main_output (Dense)"), out);
    }

    @Test
    void callbacks() throws Exception {
        String out = run("callbacks");
        assertTrue(out.contains("Best checkpoint (val_loss"), out);
        assertTrue(out.contains("Epoch=0, val/train="), out);
        assertTrue(out.contains("the loaded model predicts the same: true"), out);
        assertTrue(Files.exists(dir.resolve("callbacks/my_weights.safetensors")));
    }

    @Test
    void tensorboard() throws Exception {
        String out = run("tensorboard");
        assertTrue(out.contains("tensorboard --logdir"), out);
        try (var runs = Files.list(dir.resolve("tensorboard/my_logs"))) {
            assertEquals(2, runs.count());
        }
    }

    @Test
    void hyperparameterSearch() throws Exception {
        String out = run("hyperparameter-search");
        assertTrue(out.contains("Best val_accuracy") && out.contains("n_hidden="), out);
        assertTrue(out.contains("Best model reloaded, test accuracy"), out);
    }

    @Test
    void learningRateFinder() throws Exception {
        String out = run("lr-finder");
        Matcher m = Pattern.compile("Suggested learning rate: ([0-9.e-]+)").matcher(out);
        assertTrue(m.find(), out);
        double rate = Double.parseDouble(m.group(1));
        assertTrue(rate > 0.01 && rate < 1, "suggested " + rate);
        assertPng(dir.resolve("lr-finder/lr_finder.png"));
    }

    @Test
    void mnistDeepMlpFallsBackToFashionMnistWhenMnistIsAbsent() throws Exception {
        String out = run("mnist-deep-mlp");
        assertTrue(out.contains("the learning-rate finder suggests"), out);
        assertTrue(out.contains("test accuracy of the best checkpoint"), out);
        assertTrue(Files.exists(dir.resolve("mnist-deep-mlp/my_mnist_model.nn")));
    }
}
