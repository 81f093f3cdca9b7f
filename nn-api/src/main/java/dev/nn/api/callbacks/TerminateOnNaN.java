package dev.nn.api.callbacks;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops training when a batch's loss becomes NaN or infinite. While it is among the callbacks,
 * {@code fit} does not throw on such a loss: it skips that step's update, so the weights keep
 * their last finite values, logs the loss, and this callback ends training after that batch.
 * Without it, {@code fit} throws an {@link ArithmeticException} at the first bad loss.
 */
public final class TerminateOnNaN extends Callback {

    private static final Logger LOG = LoggerFactory.getLogger(TerminateOnNaN.class);

    private int badBatch = -1;

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        badBatch = -1;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss != null && !Double.isFinite(loss)) {
            badBatch = batch;
            LOG.warn("batch {}: invalid loss {}, terminating training", batch, loss);
            model().stopTraining();
        }
    }

    /** The batch whose loss stopped training, or -1 when none did. */
    public int terminatedAtBatch() {
        return badBatch;
    }
}
