package dev.nn.io.acceptance;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.lossWeights;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.models.Functional;
import dev.nn.api.models.WideAndDeep;
import dev.nn.api.models.WideAndDeepModel;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.data.CaliforniaHousing;
import dev.nn.io.data.DataSplit;
import dev.nn.io.data.Split;
import dev.nn.io.data.StandardScaler;
import dev.nn.io.data.TestData;
import dev.nn.io.data.TrainTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's acceptance: the book's wide & deep networks on California housing, split as the
 * book (scikit-learn's random_state 42: 11,610 / 3,870 / 5,160), standardized, SGD 1e-3, MSE.
 */
class WideAndDeepAcceptanceTest {

    static Tensor xTrain;
    static Tensor yTrain;
    static Tensor xValid;
    static Tensor yValid;
    static Tensor xTest;
    static Tensor yTest;

    @BeforeAll
    static void load() throws IOException {
        Split all = CaliforniaHousing.fromCsv(TestData.sharedDataset("california-housing/housing.csv"));
        TrainTest full = DataSplit.trainTestSplit(all.x(), all.y().reshape(-1, 1), 0.25, 42);
        TrainTest inner = DataSplit.trainTestSplit(full.train().x(), full.train().y(), 0.25, 42);
        StandardScaler scaler = StandardScaler.fit(inner.train().x());
        xTrain = scaler.transform(inner.train().x());
        yTrain = inner.train().y();
        xValid = scaler.transform(inner.test().x());
        yValid = inner.test().y();
        xTest = scaler.transform(full.test().x());
        yTest = full.test().y();
    }

    static List<Tensor> wideDeep(Tensor x) {
        return List.of(x.columns(0, 5), x.columns(2, 8));
    }

    @Test
    void oneInput() {
        Functional m = WideAndDeep.oneInput();
        m.seed(42);
        assertEquals(1239, m.countParams());
        m.compile(loss("mse"), optimizer(new SGD(1e-3)));
        m.fit(xTrain, yTrain, epochs(20), validationData(xValid, yValid), verbose(0));
        double mse = m.evaluate(xTest, yTest).get("loss");
        assertTrue(mse <= 0.46, "test MSE " + mse + " (Keras: 0.4032)");
    }

    @Test
    void twoInputs() {
        Functional m = WideAndDeep.twoInputs();
        m.seed(42);
        m.compile(loss("mse"), optimizer(new SGD(1e-3)));
        m.fit(wideDeep(xTrain), List.of(yTrain), epochs(20), validationData(wideDeep(xValid), List.of(yValid)), verbose(0));
        double mse = m.evaluate(wideDeep(xTest), List.of(yTest)).get("loss");
        assertTrue(mse <= 0.48, "test MSE " + mse + " (Keras: 0.4219)");
    }

    @Test
    void auxiliaryOutput() {
        Functional m = WideAndDeep.withAuxOutput();
        m.seed(42);
        m.compile(loss("mse"), lossWeights(0.9, 0.1), optimizer(new SGD(1e-3)));
        List<Tensor> train = wideDeep(xTrain);
        m.fit(Map.of("input_wide", train.get(0), "input_deep", train.get(1)),
                Map.of("output", yTrain, "aux_output", yTrain), epochs(20), verbose(0));
        Map<String, Double> eval = m.evaluate(wideDeep(xTest), List.of(yTest, yTest));
        assertEquals(List.of("loss", "output_loss", "aux_output_loss"), List.copyOf(eval.keySet()));
        assertTrue(eval.get("loss") <= 0.53, "test losses " + eval + " (Keras total: 0.4668)");
    }

    @Test
    void subclassedModel() {
        WideAndDeepModel m = new WideAndDeepModel(30, "relu");
        m.seed(42);
        m.compile(loss("mse"), lossWeights(0.9, 0.1), optimizer(new SGD(1e-3)));
        m.fit(wideDeep(xTrain), List.of(yTrain, yTrain), epochs(10), verbose(0));
        Map<String, Double> eval = m.evaluate(wideDeep(xTest), List.of(yTest, yTest));
        assertTrue(eval.get("loss") <= 0.67, "test losses " + eval + " (Keras total: 0.5841)");
        List<Tensor> yPred = m.predict(wideDeep(xTest.rows(0, 3)));
        assertEquals(2, yPred.size());
        assertEquals(3, yPred.get(1).dim(0));
    }
}
