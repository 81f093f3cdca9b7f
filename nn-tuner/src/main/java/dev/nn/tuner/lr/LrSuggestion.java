package dev.nn.tuner.lr;

/**
 * The book's rule for picking a rate from a sweep: about half the rate where the loss starts to
 * climb. Batch losses are noisy, so "starts to climb" is read on a smoothed curve:
 *
 * <ol>
 * <li>smooth with an exponential moving average (β = 0.98, about 50 batches, bias-corrected
 *     so the first points are not pulled to 0);</li>
 * <li>the climb starts at the first point, past a short warm-up (the first 2% of points, at least
 *     5), where the smoothed loss exceeds its lowest value so far by 10%;</li>
 * <li>the suggestion is half the rate there. If the loss never climbs, the sweep stopped too
 *     soon: half the rate at the smoothed minimum is suggested, and {@link #climbed} is false.</li>
 * </ol>
 *
 * @param rate        the suggested learning rate
 * @param climbIndex  the point where the climb starts (or the smoothed minimum)
 * @param climbed     whether the loss was seen to climb
 */
public record LrSuggestion(double rate, int climbIndex, boolean climbed) {

    static final double BETA = 0.98;
    static final double MARGIN = 0.10;

    public static LrSuggestion of(double[] rates, double[] losses) {
        if (rates.length != losses.length || rates.length < 2) {
            throw new IllegalArgumentException("need as many losses as rates, at least 2, got " + rates.length + " and " + losses.length);
        }
        double[] smooth = smoothed(losses);
        int warmUp = Math.max(5, rates.length / 50);
        int argMin = 0;
        for (int i = 0; i < smooth.length; i++) {
            if (smooth[i] < smooth[argMin]) {
                argMin = i;
            }
            if (i >= warmUp && smooth[i] > (1 + MARGIN) * smooth[argMin]) {
                return new LrSuggestion(rates[i] / 2, i, true);
            }
        }
        return new LrSuggestion(rates[argMin] / 2, argMin, false);
    }

    /** The bias-corrected moving average; a non-finite loss (divergence) stays non-finite. */
    static double[] smoothed(double[] losses) {
        double[] s = new double[losses.length];
        double avg = 0;
        double weight = 1;
        for (int i = 0; i < losses.length; i++) {
            avg = BETA * avg + (1 - BETA) * losses[i];
            weight *= BETA;
            s[i] = avg / (1 - weight);
        }
        return s;
    }
}
