package dev.nn.tuner;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.models.FitOptions;
import dev.nn.api.models.FitOptions.FitOption;
import dev.nn.api.models.Model;
import dev.nn.tuner.store.ProjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trials: asks its strategy ({@link #next}) for hyperparameters, builds and trains a model
 * for each, scores it by the objective, and records everything in the project directory. A search
 * that was killed resumes when a tuner with the same options searches again: completed and
 * failed trials are kept, a trial that was running is run again from the start.
 *
 * <p>Trial {@code i} gets seed {@code mix(seed, i)}, which decides its random values and its
 * models' initial weights, so one thread or several give the same trials (for a space the first,
 * all-defaults build discovers whole). Models and optimizers belong to one trial; the backend is
 * shared.
 *
 * <p>Trials that continue another (Hyperband) say so in their info: "tuner/trial_id" names the
 * trial whose best weights they start from, "tuner/initial_epoch" and "tuner/epochs" the epochs
 * to train.
 */
public abstract class Tuner {

    private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);
    private static final int MAX_CONSECUTIVE_FAILURES = 3;
    private static final String INPUT_SHAPES = "input_shapes.json";

    private final HyperModel hypermodel;
    private final TunerOptions options;
    private final SearchSpace space = new SearchSpace();
    private final ProjectStore store;
    private final List<Trial> trials = new ArrayList<>(); // guarded by this
    private final Deque<Trial> restarts = new ArrayDeque<>(); // guarded by this
    private int running; // guarded by this
    private int consecutiveFailures; // guarded by this
    private Throwable abort; // guarded by this

    protected Tuner(HyperModel hypermodel, TunerOptions options) {
        this.hypermodel = hypermodel;
        this.options = options;
        this.store = new ProjectStore(options.directory(), options.projectName());
        if (options.overwrite()) {
            store.clear();
        }
        trials.addAll(store.trials());
    }

    /**
     * The next step of the search, given every trial so far (running ones included). Called
     * under the tuner's lock, one call at a time.
     *
     * @param random seeded for the trial that a {@link Decision.Run} would create
     */
    protected abstract Decision next(List<Trial> trials, RandomGenerator random);

    /** What identifies this search in its directory; subclasses add their own settings. */
    protected Map<String, Object> identity() {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("tuner", getClass().getSimpleName());
        id.put("objective", options.objective().name());
        id.put("maximize", options.objective().maximize());
        id.put("seed", options.seed());
        return id;
    }

    protected final SearchSpace space() {
        return space;
    }

    protected final TunerOptions options() {
        return options;
    }

    protected final Objective objective() {
        return options.objective();
    }

    // ---- search ----------------------------------------------------------------------------

    /**
     * Searches: trains each trial's model on x and y with these options (epochs, batch size,
     * validation data...); the objective must be among the logged quantities.
     */
    public void search(Tensor x, Tensor y, FitOption... fitOptions) {
        store.claim(identity());
        store.write(INPUT_SHAPES, List.of(Arrays.stream(x.shape()).boxed().toList()));
        // As Keras Tuner: one build with defaults first, so the whole space is known before trial 0.
        hypermodel.build(new HyperParameters(space, Map.of(), null));
        synchronized (this) {
            abort = null;
            trials.stream().filter(t -> t.status() == TrialStatus.RUNNING).forEach(restarts::add);
            if (!restarts.isEmpty()) {
                LOG.info("Resuming {}: {} trials recorded, restarting {}", store.root(), trials.size(),
                        restarts.stream().map(Trial::id).toList());
            }
        }
        if (options.threads() == 1) {
            work(x, y, fitOptions);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < options.threads(); i++) {
                workers.add(pool.submit(() -> work(x, y, fitOptions)));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker: takes trials until the strategy is done; any throwable stops every worker. */
    private void work(Tensor x, Tensor y, FitOption[] fitOptions) {
        try {
            for (Trial t = take(); t != null; t = take()) {
                finish(run(t, x, y, fitOptions));
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                abort = abort == null ? e : abort;
                notifyAll();
            }
            throw e;
        }
    }

    private synchronized Trial take() {
        while (abort == null) {
            Trial t = restarts.poll();
            if (t == null) {
                int index = trials.size();
                long seed = Seeds.mix(options.seed(), index);
                switch (next(List.copyOf(trials), new SplittableRandom(seed))) {
                    case Decision.Run r -> {
                        t = Trial.running(index, seed, r.values(), r.info());
                        trials.add(t);
                        store.write(t);
                    }
                    case Decision.Done d -> {
                        return null;
                    }
                    case Decision.Wait w -> {
                        waitForTrials();
                        continue;
                    }
                }
            }
            running++;
            return t;
        }
        return null;
    }

    private void waitForTrials() {
        if (running == 0) {
            throw new IllegalStateException(getClass().getSimpleName() + " waits for trials but none is running");
        }
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        }
    }

    private synchronized void finish(Trial t) {
        running--;
        trials.set(t.index(), t);
        store.write(t);
        notifyAll();
        if (t.isCompleted()) {
            consecutiveFailures = 0;
            LOG.info("{} {} = {} with {}", t.id(), objective().name(), t.score(), t.values());
            return;
        }
        LOG.warn("{} failed: {}", t.id(), t.message());
        if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
            throw new IllegalStateException(MAX_CONSECUTIVE_FAILURES + " trials failed in a row; the last, " + t.id()
                    + ", with: " + t.message());
        }
    }

    /** Trains the trial's executions; a failure of the model or its training fails the trial only. */
    private Trial run(Trial trial, Tensor x, Tensor y, FitOption[] fitOptions) {
        LOG.info("{} starts with {} {}", trial.id(), trial.values(), trial.info());
        try {
            Execution best = null;
            double sum = 0;
            for (int e = 0; e < options.executionsPerTrial(); e++) {
                Execution ex = execute(trial, e, x, y, fitOptions);
                sum += ex.score;
                best = best == null || objective().better(ex.score, best.score) ? ex : best;
            }
            best.model.setWeights(best.weights);
            options.weightStore().save(best.model, store.trialDir(trial.id()));
            return trial.completed(best.hp.values(), sum / options.executionsPerTrial(), best.metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the weights of " + trial.id(), e);
        } catch (RuntimeException e) {
            LOG.debug("{} failed", trial.id(), e);
            return trial.failed(e.toString());
        }
    }

    private record Execution(HyperParameters hp, Model model, List<Tensor> weights, double score, Map<String, Double> metrics) {
    }

    private Execution execute(Trial trial, int execution, Tensor x, Tensor y, FitOption[] fitOptions) throws IOException {
        // a fresh sampler with the trial's seed draws the same values in every execution and after a restart
        HyperParameters hp = new HyperParameters(space, trial.values(), new SplittableRandom(trial.seed()));
        Model model = hypermodel.build(hp);
        model.seed(Seeds.mix(trial.seed(), execution));
        if (!model.isBuilt()) {
            model.buildFor(List.of(x.shape()));
        }
        Object parent = trial.info().get("tuner/trial_id");
        if (parent != null) {
            options.weightStore().load(model, store.trialDir((String) parent));
        }
        BestEpochWeights checkpoint = new BestEpochWeights(objective());
        List<FitOption> all = new ArrayList<>(Arrays.asList(fitOptions));
        all.add(FitOptions.callbacks(checkpoint));
        if (trial.info().containsKey("tuner/epochs")) {
            all.add(FitOptions.epochs(trial.infoInt("tuner/epochs", 1)));
            all.add(FitOptions.initialEpoch(trial.infoInt("tuner/initial_epoch", 0)));
        }
        History history = hypermodel.fit(hp, model, x, y, all.toArray(FitOption[]::new));
        int bestEpoch = bestEpoch(history.get(objective().name()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        history.history().forEach((k, v) -> metrics.put(k, v.get(bestEpoch)));
        List<Tensor> weights = checkpoint.weights() != null ? checkpoint.weights() : model.getWeights();
        return new Execution(hp, model, weights, metrics.get(objective().name()), metrics);
    }

    private int bestEpoch(List<Double> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (objective().better(values.get(i), values.get(best))) {
                best = i;
            }
        }
        return best;
    }

    // ---- results ---------------------------------------------------------------------------

    /** Every trial, by index (those of a resumed project included). */
    public synchronized List<Trial> trials() {
        return List.copyOf(trials);
    }

    /** The n best completed trials, best first. */
    public List<Trial> bestTrials(int n) {
        Comparator<Trial> byScore = Comparator.comparingDouble(t -> objective().asLoss(t.score()));
        return trials().stream().filter(Trial::isCompleted).sorted(byScore).limit(n).toList();
    }

    /** The hyperparameters of the n best trials, ready for {@link HyperModel#build}. */
    public List<HyperParameters> bestHyperparameters(int n) {
        return bestTrials(n).stream().map(t -> HyperParameters.of(t.values())).toList();
    }

    /** The n best models, rebuilt and loaded with the weights of their best epoch. */
    public List<Model> bestModels(int n) {
        List<Model> models = new ArrayList<>();
        for (Trial t : bestTrials(n)) {
            Model m = hypermodel.build(HyperParameters.of(t.values()));
            if (!m.isBuilt()) {
                m.buildFor(inputShapes());
            }
            try {
                options.weightStore().load(m, store.trialDir(t.id()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the weights of " + t.id() + " from " + store.trialDir(t.id()), e);
            }
            models.add(m);
        }
        return models;
    }

    private List<int[]> inputShapes() {
        Object shapes = store.read(INPUT_SHAPES);
        if (shapes == null) {
            throw new IllegalStateException("no input shapes recorded in " + store.root() + "; run search first");
        }
        return ((List<?>) shapes).stream()
                .map(s -> ((List<?>) s).stream().mapToInt(d -> ((Number) d).intValue()).toArray()).toList();
    }

    /** The n best trials as a text table. */
    public String resultsSummary(int n) {
        return ResultsSummary.format(bestTrials(n), trials().size(), objective());
    }
}
