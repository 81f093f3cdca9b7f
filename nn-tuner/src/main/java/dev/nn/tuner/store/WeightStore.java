package dev.nn.tuner.store;

import dev.nn.api.models.Model;
import java.io.IOException;
import java.nio.file.Path;

/** Keeps a trial's weights in its directory ({@link ModelFileWeightStore} by default). */
public interface WeightStore {

    /** Writes every weight of the (built) model into {@code dir}. */
    void save(Model model, Path dir) throws IOException;

    /** Sets every weight of the (built) model from what {@link #save} wrote into {@code dir}. */
    void load(Model model, Path dir) throws IOException;
}
