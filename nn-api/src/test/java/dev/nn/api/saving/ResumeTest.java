package dev.nn.api.saving;

import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.initialEpoch;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.optimizers.SGD;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 5 epochs, save, load into a fresh model, 5 more epochs: the same bits as 10 epochs straight. */
class ResumeTest {

    @TempDir
    Path dir;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd+momentum", (Supplier<Optimizer>) () -> new SGD(0.01, 0.9, false)),
                Arguments.of("sgd+nesterov", (Supplier<Optimizer>) () -> new SGD(0.01, 0.9, true)),
                Arguments.of("adam", (Supplier<Optimizer>) () -> new Adam(0.003)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void resumingGivesTheSameWeightsBitForBit(String name, Supplier<Optimizer> optimizer) {
        Fixtures data = new Fixtures(200, 1);

        Sequential straight = Fixtures.regressor(optimizer.get());
        straight.fit(data.x, data.y, epochs(10), batchSize(32), verbose(0));

        Sequential first = Fixtures.regressor(optimizer.get());
        first.fit(data.x, data.y, epochs(5), batchSize(32), verbose(0));
        Path file = dir.resolve(name + ".nn");
        first.save(file);

        Model resumed = Models.load(file);
        assertEquals(5, resumed.epochsCompleted());
        assertEquals(first.optimizer().iterations(), resumed.optimizer().iterations());
        resumed.fit(data.x, data.y, initialEpoch(resumed.epochsCompleted()), epochs(10), batchSize(32), verbose(0));

        List<int[]> expected = Fixtures.bits(straight);
        List<int[]> actual = Fixtures.bits(resumed);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "weight " + i + " after resuming with " + name);
        }
    }
}
