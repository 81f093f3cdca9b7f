package dev.nn.tuner.store;

import dev.nn.api.models.Model;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps a trial's weights in its directory. The tuner only needs this much, so the model file of
 * dev.nn.api.saving ({@code Model.saveWeights}/{@code loadWeights}) can replace
 * {@link RawWeightStore} once it lands, by a two-line implementation.
 */
public interface WeightStore {

    /** Writes every weight of the (built) model into {@code dir}. */
    void save(Model model, Path dir) throws IOException;

    /** Sets every weight of the (built) model from what {@link #save} wrote into {@code dir}. */
    void load(Model model, Path dir) throws IOException;
}
