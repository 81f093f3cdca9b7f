/**
 * Hyperparameter search in the manner of Keras Tuner.
 *
 * <pre>{@code
 * HyperModel hm = hp -> {
 *     int nHidden = hp.Int("n_hidden", 0, 8, 1, 2);
 *     int nNeurons = hp.Int("n_neurons", 16, 256);
 *     double lr = hp.Float("learning_rate", 1e-4, 1e-2, Sampling.LOG);
 *     String opt = hp.Choice("optimizer", List.of("sgd", "adam"));
 *     ... build and compile a model ...
 * };
 * Tuner tuner = new RandomSearch(hm, TunerOptions.defaults().objective("val_accuracy").maxTrials(5).seed(42)
 *         .directory(Path.of("my_fashion_mnist")).projectName("my_rnd_search"));
 * tuner.search(xTrain, yTrain, epochs(10), validationData(xValid, yValid));
 * System.out.println(tuner.resultsSummary(3));
 * Model best = tuner.bestModels(1).get(0);
 * }</pre>
 *
 * {@link dev.nn.tuner.Hyperband} and {@link dev.nn.tuner.BayesianOptimization} take the same
 * HyperModel and options; {@link dev.nn.tuner.cv.RandomizedSearchCV} cross-validates random
 * candidates; {@link dev.nn.tuner.lr.LearningRateFinder} sweeps the learning rate.
 */
package dev.nn.tuner;
