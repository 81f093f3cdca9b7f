package dev.nn.tuner;

import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.models.FitOptions.FitOption;
import dev.nn.api.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hyperband end to end on R = 9, η = 3 (the small case of {@link HyperbandScheduleTest}), training a one-weight model for real. */
class HyperbandTest {

    @TempDir
    Path dir;

    /** What one fit saw: the values, the epochs it trained, its weights before and after. */
    record Fit(double x, List<Integer> epochs, float[] before, float[] after) {
    }

    @Test
    void runsThePapersRoundsAndContinuesPromotedTrialsFromTheirParents() {
        List<Fit> fits = new ArrayList<>();
        HyperModel model = new HyperModel() {
            @Override
            public Model build(HyperParameters hp) {
                hp.Float("x", 0, 1);
                return Toy.linear();
            }

            @Override
            public History fit(HyperParameters hp, Model m, Tensor x, Tensor y, FitOption... options) {
                float[] before = m.getWeights().get(0).toArray();
                History trained = m.fit(x, y, options);
                double xv = hp.getDouble("x");
                fits.add(new Fit(xv, trained.epochs(), before, m.getWeights().get(0).toArray()));
                History scored = new History();
                trained.epochs().forEach(e -> scored.onEpochEnd(e, Map.of("val_loss", (xv - 0.3) * (xv - 0.3))));
                return scored;
            }
        };
        Tuner tuner = new Hyperband(model, TunerOptions.defaults().seed(5).directory(dir).projectName("hb"),
                new HyperbandSchedule(9, 3, 1));
        tuner.search(Toy.column(1, 2, 3), Toy.column(2, 4, 6), verbose(0));

        List<Trial> trials = tuner.trials();
        // trials per (bracket, round) and their epochs, worked out in HyperbandScheduleTest
        Map<String, Integer> count = new HashMap<>();
        for (Trial t : trials) {
            assertTrue(t.isCompleted(), t.toString());
            String key = t.infoInt("tuner/bracket", -1) + "/" + t.infoInt("tuner/round", -1) + "@" + t.infoInt("tuner/epochs", -1);
            count.merge(key, 1, Integer::sum);
        }
        assertEquals(Map.of("2/0@1", 9, "2/1@3", 3, "2/2@9", 1, "1/0@3", 5, "1/1@9", 1, "0/0@9", 3), count);
        assertEquals(22, trials.size());

        Map<String, Trial> byId = new HashMap<>();
        trials.forEach(t -> byId.put(t.id(), t));
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            Fit f = fits.get(i); // one thread: fits in trial order
            int initial = t.infoInt("tuner/initial_epoch", -1);
            assertEquals(initial, f.epochs().get(0), t.id());
            assertEquals(t.infoInt("tuner/epochs", -1) - 1, f.epochs().get(f.epochs().size() - 1), t.id());
            Object parentId = t.info().get("tuner/trial_id");
            if (parentId == null) {
                assertEquals(0, initial);
                continue;
            }
            Trial parent = byId.get((String) parentId);
            assertEquals(parent.values(), t.values());
            assertArrayEquals(fits.get(parent.index()).after(), f.before(), t.id() + " starts from " + parentId + "'s weights");
            // the promoted are the best of the round before
            List<Trial> round = trials.stream().filter(o -> o.infoInt("tuner/bracket", -1) == t.infoInt("tuner/bracket", -2)
                    && o.infoInt("tuner/round", -1) == t.infoInt("tuner/round", -2) - 1)
                    .sorted(Comparator.comparingDouble(Trial::score)).toList();
            int promoted = (int) trials.stream().filter(o -> o.infoInt("tuner/bracket", -1) == t.infoInt("tuner/bracket", -2)
                    && o.infoInt("tuner/round", -1) == t.infoInt("tuner/round", -2)).count();
            assertTrue(round.subList(0, promoted).contains(parent), parentId + " is among the best " + promoted);
        }
    }
}
