package dev.nn.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.models.FitOptions.FitOption;
import dev.nn.api.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill is simulated by an Error thrown from inside a trial's training: like a kill, it ends the
 * search at once, leaving that trial recorded as RUNNING and the trials before it COMPLETED on
 * disk (a trial's record is only ever replaced atomically). A second tuner on the same directory
 * then plays the part of the restarted process. (A child JVM destroyed mid-trial would exercise
 * the same files, at the cost of seconds per test.)
 */
class ResumeTest {

    @TempDir
    Path dir;

    static final class Kill extends Error {
        Kill() {
            super("simulated kill");
        }
    }

    /** Records every fit; throws Kill at fit number {@code killAt} (0-based), or never when -1. */
    private static HyperModel recording(List<Map<String, Object>> fitted, int killAt) {
        return new HyperModel() {
            @Override
            public Model build(HyperParameters hp) {
                hp.Float("lr", 1e-4, 1, Sampling.LOG);
                hp.Int("units", 1, 512);
                return Toy.linear();
            }

            @Override
            public History fit(HyperParameters hp, Model model, Tensor x, Tensor y, FitOption... options) {
                if (fitted.size() == killAt) {
                    throw new Kill();
                }
                fitted.add(hp.values());
                return Toy.history(Math.abs(Math.log10(hp.getDouble("lr")) + 2), 1);
            }
        };
    }

    @Test
    void resumedSearchRepeatsNoFinishedTrialAndRestartsTheRunningOne() {
        TunerOptions options = TunerOptions.defaults().maxTrials(6).seed(11).directory(dir).projectName("resume");
        Tensor x = Toy.column(1, 2);
        List<Map<String, Object>> first = new ArrayList<>();
        Tuner killed = new RandomSearch(recording(first, 3), options);
        assertThrows(Kill.class, () -> killed.search(x, x));
        assertEquals(3, first.size());
        List<Trial> onDisk = new RandomSearch(recording(new ArrayList<>(), -1), options).trials();
        assertEquals(List.of(TrialStatus.COMPLETED, TrialStatus.COMPLETED, TrialStatus.COMPLETED, TrialStatus.RUNNING),
                onDisk.stream().map(Trial::status).toList());

        List<Map<String, Object>> second = new ArrayList<>();
        Tuner resumed = new RandomSearch(recording(second, -1), options);
        resumed.search(x, x);

        List<Trial> trials = resumed.trials();
        assertEquals(6, trials.size());
        assertTrue(trials.stream().allMatch(Trial::isCompleted));
        assertEquals(3, second.size(), "only trial 3 (restarted), 4 and 5 ran again: " + second);
        for (Map<String, Object> v : first) {
            assertTrue(!second.contains(v), "finished trial repeated: " + v);
        }
        assertEquals(onDisk.get(3).values(), trials.get(3).values(), "the running trial restarts with its own values");
        assertEquals(second.get(0), trials.get(3).values());
        // the three trials finished before the kill are untouched
        assertEquals(onDisk.subList(0, 3), trials.subList(0, 3));

        // a search with the same options and all trials done runs nothing
        List<Map<String, Object>> third = new ArrayList<>();
        new RandomSearch(recording(third, -1), options).search(x, x);
        assertEquals(List.of(), third);
    }

    @Test
    void anotherSearchCannotResumeInTheSameProject() {
        TunerOptions options = TunerOptions.defaults().maxTrials(1).directory(dir).projectName("p");
        Tensor x = Toy.column(1, 2);
        new RandomSearch(recording(new ArrayList<>(), -1), options).search(x, x);
        Tuner other = new RandomSearch(recording(new ArrayList<>(), -1), options.seed(99));
        assertThrows(IllegalStateException.class, () -> other.search(x, x));
        // overwrite starts afresh
        Tuner fresh = new RandomSearch(recording(new ArrayList<>(), -1), options.seed(99).overwrite(true));
        assertEquals(List.of(), fresh.trials());
        fresh.search(x, x);
        assertEquals(1, fresh.trials().size());
    }
}
