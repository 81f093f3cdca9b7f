package dev.nn.io.acceptance;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Normalization;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.data.CaliforniaHousing;
import dev.nn.io.data.DataSplit;
import dev.nn.io.data.Split;
import dev.nn.io.data.StandardScaler;
import dev.nn.io.data.TestData;
import dev.nn.io.data.TrainTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The book's California housing regressions (issue 3's acceptance), on the book's housing.csv. */
class CaliforniaHousingAcceptanceTest {

    static Split train;
    static Split valid;
    static Split test;

    @BeforeAll
    static void split() throws IOException {
        Split all = CaliforniaHousing.fromCsv(TestData.sharedDataset("california-housing/housing.csv"));
        Tensor y = all.y().reshape(-1, 1);
        TrainTest full = DataSplit.trainTestSplit(all.x(), y, 0.25, 42);
        TrainTest inner = DataSplit.trainTestSplit(full.train().x(), full.train().y(), 0.25, 42);
        train = inner.train();
        valid = inner.test();
        test = full.test();
        assertEquals(11_610, train.size());
        assertEquals(3_870, valid.size());
        assertEquals(5_160, test.size());
    }

    @Test
    void oneHiddenLayerWithSgdReachesTheBooksTestMse() {
        StandardScaler scaler = StandardScaler.fit(train.x());
        Sequential model = new Sequential(new InputLayer(8), new Dense(30, "relu"), new Dense(1));
        model.seed(42);
        model.compile(loss("mse"), optimizer(new SGD(1e-3)));
        model.fit(scaler.transform(train.x()), train.y(), epochs(20),
                validationData(scaler.transform(valid.x()), valid.y()), verbose(0));
        double mse = model.evaluate(scaler.transform(test.x()), test.y()).get("loss");
        assertTrue(mse <= 0.45, "test MSE " + mse + " (Keras: 0.4212)");
    }

    @Test
    void normalizationAndThreeHiddenLayersWithAdamReachTheBooksTestRmse() {
        Normalization norm = new Normalization();
        Sequential model = new Sequential(new InputLayer(8), norm, new Dense(50, "relu"), new Dense(50, "relu"),
                new Dense(50, "relu"), new Dense(1));
        model.seed(42);
        norm.adapt(train.x());
        model.compile(loss("mse"), optimizer(new Adam(1e-3)), metrics("RootMeanSquaredError"));
        model.fit(train.x(), train.y(), epochs(20), validationData(valid.x(), valid.y()), verbose(0));
        double rmse = model.evaluate(test.x(), test.y()).get("RootMeanSquaredError");
        assertTrue(rmse <= 0.57, "test RMSE " + rmse + " (Keras: 0.5297)");
        assertTrue(model.summary().contains("Non-trainable params: 17"));
    }
}
