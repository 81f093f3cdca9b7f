package dev.nn.api.models;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.lossWeights;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nn.api.Tensor;
import dev.nn.api.optimizers.SGD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance runs on the book's California housing data (11,610 / 3,870 / 5,160
 * rows, standardized, SGD 1e-3, MSE). Skipped when the shared data directory is not there.
 */
class CaliforniaHousingAcceptanceTest {

    private static HousingData data;

    @BeforeAll
    static void load() throws IOException {
        Path csv = Path.of("../../shared/datasets/california-housing/housing.csv");
        if (!Files.exists(csv)) {
            csv = Path.of("../shared/datasets/california-housing/housing.csv");
        }
        assumeTrue(Files.exists(csv), "no housing.csv at " + csv.toAbsolutePath());
        data = HousingData.load(csv, 42);
    }

    @Test
    void splitsAsTheBook() {
        assertEquals(11_610, data.train().x().dim(0));
        assertEquals(3_870, data.valid().x().dim(0));
        assertEquals(5_160, data.test().x().dim(0));
    }

    @Test
    void wideAndDeepWithOneInput() {
        Functional m = WideAndDeep.oneInput();
        m.seed(42);
        assertEquals(1239, m.countParams());
        m.compile(loss("mse"), optimizer(new SGD(1e-3)));
        m.fit(data.train().x(), data.train().y(), epochs(20), validationData(data.valid().x(), data.valid().y()), verbose(0));
        double mse = m.evaluate(data.test().x(), data.test().y(), verbose(0)).get("loss");
        assertTrue(mse <= 0.46, "test MSE " + mse);
    }

    @Test
    void wideAndDeepWithTwoInputs() {
        Functional m = WideAndDeep.twoInputs();
        m.seed(42);
        m.compile(loss("mse"), optimizer(new SGD(1e-3)));
        m.fit(List.of(data.train().wide(), data.train().deep()), List.of(data.train().y()), epochs(20), verbose(0));
        double mse = m.evaluate(List.of(data.test().wide(), data.test().deep()), List.of(data.test().y()), verbose(0)).get("loss");
        assertTrue(mse <= 0.48, "test MSE " + mse);
    }

    @Test
    void wideAndDeepWithAnAuxiliaryOutput() {
        Functional m = WideAndDeep.withAuxOutput();
        m.seed(42);
        m.compile(loss("mse"), lossWeights(0.9, 0.1), optimizer(new SGD(1e-3)));
        m.fit(Map.of("input_wide", data.train().wide(), "input_deep", data.train().deep()),
                Map.of("output", data.train().y(), "aux_output", data.train().y()), epochs(20), verbose(0));
        Map<String, Double> eval = m.evaluate(List.of(data.test().wide(), data.test().deep()),
                List.of(data.test().y(), data.test().y()), verbose(0));
        assertEquals(List.of("loss", "output_loss", "aux_output_loss"), List.copyOf(eval.keySet()));
        assertTrue(eval.get("loss") <= 0.53, "test losses " + eval);
    }

    @Test
    void subclassedWideAndDeep() {
        WideAndDeepModel m = new WideAndDeepModel(30, "relu");
        m.seed(42);
        m.compile(loss("mse"), lossWeights(0.9, 0.1), optimizer(new SGD(1e-3)));
        m.fit(List.of(data.train().wide(), data.train().deep()), List.of(data.train().y(), data.train().y()),
                epochs(10), verbose(0));
        Map<String, Double> eval = m.evaluate(List.of(data.test().wide(), data.test().deep()),
                List.of(data.test().y(), data.test().y()), verbose(0));
        assertTrue(eval.get("loss") <= 0.67, "test losses " + eval);
        List<Tensor> yPred = m.predict(List.of(data.test().wide().rows(0, 3), data.test().deep().rows(0, 3)));
        assertEquals(2, yPred.size());
    }
}
