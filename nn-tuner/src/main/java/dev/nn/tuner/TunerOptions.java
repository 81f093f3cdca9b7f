package dev.nn.tuner;

import dev.nn.tuner.store.ModelFileWeightStore;
import dev.nn.tuner.store.WeightStore;
import java.nio.file.Path;

/**
 * The settings every tuner shares, immutable; each method returns a changed copy:
 * {@code TunerOptions.defaults().objective("val_accuracy").maxTrials(5).directory(dir).projectName("mnist")}.
 *
 * @param objective          what to optimize; default val_loss, minimized
 * @param maxTrials          trials to run in all, resumed ones included (Hyperband follows its schedule instead); default 10
 * @param executionsPerTrial models trained per trial from different initial weights; the score is their mean; default 1
 * @param seed               decides every trial's values and initial weights; fixed by default (0) so that a search resumes as itself
 * @param directory          where projects live; default "tuner"
 * @param projectName        this search's folder in the directory; default "untitled_project"
 * @param overwrite          start afresh, deleting what the project holds; by default a search resumes
 * @param threads            trials run at the same time, each with its own model; default 1
 * @param weightStore        how each trial's best weights are kept
 */
public record TunerOptions(Objective objective, int maxTrials, int executionsPerTrial, long seed, Path directory,
                           String projectName, boolean overwrite, int threads, WeightStore weightStore) {

    public TunerOptions {
        if (maxTrials < 1 || executionsPerTrial < 1 || threads < 1) {
            throw new IllegalArgumentException("maxTrials, executionsPerTrial and threads must be at least 1, got "
                    + maxTrials + ", " + executionsPerTrial + ", " + threads);
        }
    }

    public static TunerOptions defaults() {
        return new TunerOptions(Objective.minimize("val_loss"), 10, 1, 0, Path.of("tuner"), "untitled_project", false, 1,
                new ModelFileWeightStore());
    }

    public TunerOptions objective(Objective o) {
        return new TunerOptions(o, maxTrials, executionsPerTrial, seed, directory, projectName, overwrite, threads, weightStore);
    }

    /** By name, with the direction guessed as {@link Objective#of} does. */
    public TunerOptions objective(String name) {
        return objective(Objective.of(name));
    }

    public TunerOptions maxTrials(int n) {
        return new TunerOptions(objective, n, executionsPerTrial, seed, directory, projectName, overwrite, threads, weightStore);
    }

    public TunerOptions executionsPerTrial(int n) {
        return new TunerOptions(objective, maxTrials, n, seed, directory, projectName, overwrite, threads, weightStore);
    }

    public TunerOptions seed(long s) {
        return new TunerOptions(objective, maxTrials, executionsPerTrial, s, directory, projectName, overwrite, threads, weightStore);
    }

    public TunerOptions directory(Path d) {
        return new TunerOptions(objective, maxTrials, executionsPerTrial, seed, d, projectName, overwrite, threads, weightStore);
    }

    public TunerOptions projectName(String p) {
        return new TunerOptions(objective, maxTrials, executionsPerTrial, seed, directory, p, overwrite, threads, weightStore);
    }

    public TunerOptions overwrite(boolean o) {
        return new TunerOptions(objective, maxTrials, executionsPerTrial, seed, directory, projectName, o, threads, weightStore);
    }

    public TunerOptions threads(int t) {
        return new TunerOptions(objective, maxTrials, executionsPerTrial, seed, directory, projectName, overwrite, t, weightStore);
    }

    public TunerOptions weightStore(WeightStore w) {
        return new TunerOptions(objective, maxTrials, executionsPerTrial, seed, directory, projectName, overwrite, threads, w);
    }
}
