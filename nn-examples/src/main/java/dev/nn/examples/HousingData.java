package dev.nn.examples;

import dev.nn.api.Tensor;
import dev.nn.io.data.CaliforniaHousing;
import dev.nn.io.data.DataSplit;
import dev.nn.io.data.Split;
import dev.nn.io.data.StandardScaler;
import dev.nn.io.data.TrainTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * California housing as the chapter uses it: scikit-learn's splits with random_state 42 (11,610
 * train, 3,870 validation, 5,160 test rows), raw and standardized with the training statistics.
 */
record HousingData(Split train, Split valid, Split test, StandardScaler scaler) {

    static HousingData load(boolean shortRun) throws IOException {
        Path csv = SharedData.find("california-housing/housing.csv");
        Split all = csv != null ? CaliforniaHousing.fromCsv(csv) : CaliforniaHousing.load();
        TrainTest full = DataSplit.trainTestSplit(all.x(), all.y().reshape(-1, 1), 0.25, 42);
        TrainTest inner = DataSplit.trainTestSplit(full.train().x(), full.train().y(), 0.25, 42);
        Split train = inner.train();
        if (shortRun) {
            train = new Split(train.x().rows(0, 2000), train.y().rows(0, 2000));
        }
        return new HousingData(train, inner.test(), full.test(), StandardScaler.fit(inner.train().x()));
    }

    Tensor xTrain() {
        return scaler.transform(train.x());
    }

    Tensor xValid() {
        return scaler.transform(valid.x());
    }

    Tensor xTest() {
        return scaler.transform(test.x());
    }

    /** The book's two-input split of standardized features: 0-4 wide, 2-7 deep. */
    static List<Tensor> wideDeep(Tensor x) {
        return List.of(x.columns(0, 5), x.columns(2, 8));
    }

}
