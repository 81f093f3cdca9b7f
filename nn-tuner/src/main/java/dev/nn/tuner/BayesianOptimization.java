package dev.nn.tuner;

import dev.nn.tuner.gp.GaussianProcess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimization: a few random trials first, then each trial goes where a Gaussian process
 * fitted to the scores so far ({@link GaussianProcess}: Matérn 5/2 on the hyperparameters encoded
 * to [0, 1], log scale for LOG floats, index-scaled choices) finds the best acquisition value
 * among random candidates and perturbations of the best points. Inactive conditional parameters
 * sit at their default's position. Running trials are not modelled, so parallel trials may land
 * close together.
 */
public class BayesianOptimization extends Tuner {

    private static final int RANDOM_CANDIDATES = 2000;
    private static final int LOCAL_CANDIDATES = 100;
    private static final int LOCAL_CENTRES = 5;
    private static final double LOCAL_SPREAD = 0.05;

    private final int initialPoints;
    private final Acquisition acquisition;

    /** Expected improvement after 3 random trials per searched dimension, as Keras Tuner. */
    public BayesianOptimization(HyperModel hypermodel, TunerOptions options) {
        this(hypermodel, options, 0, Acquisition.EXPECTED_IMPROVEMENT);
    }

    /** @param initialPoints random trials before the model is used; 0 for 3 per searched dimension */
    public BayesianOptimization(HyperModel hypermodel, TunerOptions options, int initialPoints, Acquisition acquisition) {
        super(hypermodel, options);
        this.initialPoints = initialPoints;
        this.acquisition = acquisition;
    }

    @Override
    protected Map<String, Object> identity() {
        Map<String, Object> id = super.identity();
        id.put("initial_points", initialPoints);
        id.put("acquisition", acquisition.name());
        return id;
    }

    @Override
    protected Decision next(List<Trial> trials, RandomGenerator random) {
        if (trials.size() >= options().maxTrials()) {
            return new Decision.Done();
        }
        List<HyperParameter> dims = space().parameters().stream().filter(p -> p.dimensions() > 0).toList();
        List<Trial> scored = trials.stream().filter(t -> t.isCompleted() && Double.isFinite(t.score())).toList();
        int initial = initialPoints > 0 ? initialPoints : 3 * dims.size();
        if (dims.isEmpty() || scored.size() < Math.max(2, initial)) {
            return new Decision.Run(RandomProposals.propose(space(), trials, random), Map.of());
        }
        double[][] x = new double[scored.size()][];
        double[] y = new double[scored.size()];
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x[i] = encode(dims, scored.get(i).values());
            y[i] = objective().asLoss(scored.get(i).score());
            bestLoss = Math.min(bestLoss, y[i]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double[] c : candidates(x, y, dims.size(), random)) {
            double[] p = gp.predict(c);
            double a = acquisition.score(p[0], p[1], bestLoss);
            if (a > bestScore && !RandomProposals.isDuplicate(decode(dims, c), trials)) {
                best = c;
                bestScore = a;
            }
        }
        Map<String, Object> values = best == null ? RandomProposals.propose(space(), trials, random) : decode(dims, best);
        return new Decision.Run(values, Map.of());
    }

    private static List<double[]> candidates(double[][] x, double[] y, int d, RandomGenerator random) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < RANDOM_CANDIDATES; i++) {
            double[] c = new double[d];
            for (int j = 0; j < d; j++) {
                c[j] = random.nextDouble();
            }
            out.add(c);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> y[i]));
        for (int centre : order.subList(0, Math.min(LOCAL_CENTRES, order.size()))) {
            for (int i = 0; i < LOCAL_CANDIDATES; i++) {
                double[] c = new double[d];
                for (int j = 0; j < d; j++) {
                    c[j] = Math.min(1, Math.max(0, x[centre][j] + LOCAL_SPREAD * random.nextGaussian()));
                }
                out.add(c);
            }
        }
        return out;
    }

    private static double[] encode(List<HyperParameter> dims, Map<String, Object> values) {
        double[] u = new double[dims.size()];
        for (int j = 0; j < u.length; j++) {
            HyperParameter p = dims.get(j);
            Object v = values.get(p.name());
            u[j] = p.encode(v == null ? p.defaultValue() : p.coerce(v));
        }
        return u;
    }

    private static Map<String, Object> decode(List<HyperParameter> dims, double[] u) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int j = 0; j < u.length; j++) {
            values.put(dims.get(j).name(), dims.get(j).decode(u[j]));
        }
        return values;
    }
}
