package dev.nn.tuner.lr;

import dev.nn.io.plot.LrFinderPlot;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A finished sweep: each batch's learning rate and loss, and the suggested rate.
 *
 * @param rates      the rate of each batch
 * @param losses     the loss of each batch
 * @param suggestion the rate by {@link LrSuggestion}'s rule
 */
public record LrFinderResult(double[] rates, double[] losses, LrSuggestion suggestion) {

    public LrFinderResult {
        rates = rates.clone();
        losses = losses.clone();
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** The suggested learning rate. */
    public double suggestedRate() {
        return suggestion.rate();
    }

    /** Loss against rate on a log axis, as a PNG. */
    public void plot(Path png) throws IOException {
        LrFinderPlot.plot(rates, losses, png);
    }
}
