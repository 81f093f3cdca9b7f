package dev.nn.tuner.lr;

/**
 * The book's rule for picking a rate from a sweep: about half the rate where the loss starts to
 * climb. Batch losses are noisy, so "starts to climb" is read on a smoothed curve:
 *
 * <ol>
 * <li>smooth with {@link SmoothedLoss} (a moving average over about 50 batches);</li>
 * <li>skip a warm-up, the average's window of 50 points (a quarter of the points for a shorter
 *     sweep): before that the average still follows single noisy batches;</li>
 * <li>after it, the climb starts at the first point where the smoothed loss exceeds its lowest
 *     value since the warm-up by 10%;</li>
 * <li>the suggestion is half the rate there. If the loss never climbs, the sweep stopped too
 *     soon: half the rate at the smoothed minimum is suggested, and {@link #climbed} is false.</li>
 * </ol>
 *
 * @param rate        the suggested learning rate
 * @param climbIndex  the point where the climb starts (or the smoothed minimum)
 * @param climbed     whether the loss was seen to climb
 */
public record LrSuggestion(double rate, int climbIndex, boolean climbed) {

    static final double MARGIN = 0.10;

    public static LrSuggestion of(double[] rates, double[] losses) {
        if (rates.length != losses.length || rates.length < 2) {
            throw new IllegalArgumentException("need as many losses as rates, at least 2, got " + rates.length + " and " + losses.length);
        }
        double[] smooth = SmoothedLoss.of(losses);
        int warmUp = (int) Math.min(1 / (1 - SmoothedLoss.BETA), rates.length / 4);
        int argMin = warmUp;
        for (int i = warmUp; i < smooth.length; i++) {
            if (smooth[i] < smooth[argMin]) {
                argMin = i;
            }
            if (smooth[i] > (1 + MARGIN) * smooth[argMin]) {
                return new LrSuggestion(rates[i] / 2, i, true);
            }
        }
        return new LrSuggestion(rates[argMin] / 2, argMin, false);
    }
}
