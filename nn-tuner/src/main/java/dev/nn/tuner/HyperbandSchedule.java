package dev.nn.tuner;

import java.util.ArrayList;
import java.util.List;

/**
 * Hyperband's brackets (Li et al. 2018, JMLR 18(185), Algorithm 1). With R = maxEpochs and
 * η = factor, s_max = ⌊log_η R⌋; each iteration runs brackets s = s_max, ..., 0. Bracket s starts
 * n = ⌈(s_max + 1) / (s + 1) · η^s⌉ configurations with r = R · η^-s epochs each; its round i
 * (i = 0..s) trains n_i = ⌊n · η^-i⌋ of them for r_i = r · η^i epochs, the best n_(i+1) going on.
 * Epoch counts are rounded up to whole epochs when R is not a power of η.
 *
 * <p>Keras Tuner rounds the later rounds' sizes up instead (for R = 81, η = 3, bracket 3 keeps
 * 34, 12, 4, 2 where the paper keeps 34, 11, 3, 1); this follows the paper.
 */
public record HyperbandSchedule(int maxEpochs, int factor, int iterations) {

    public HyperbandSchedule {
        if (maxEpochs < 1 || factor < 2 || iterations < 1) {
            throw new IllegalArgumentException("Hyperband needs maxEpochs >= 1, factor >= 2 and iterations >= 1, got "
                    + maxEpochs + ", " + factor + ", " + iterations);
        }
    }

    /** One round of successive halving: how many trials, trained up to which epoch. */
    public record Round(int trials, int epochs) {
    }

    /** Bracket s of an iteration, with its rounds in order. */
    public record Bracket(int iteration, int s, List<Round> rounds) {
        public Bracket {
            rounds = List.copyOf(rounds);
        }
    }

    /** s_max = ⌊log_η R⌋, counted in integers to avoid log rounding (log_3 243 is 4.999... in doubles). */
    public int sMax() {
        int s = 0;
        for (long p = factor; p <= maxEpochs; p *= factor) {
            s++;
        }
        return s;
    }

    /** Every bracket of every iteration, in the order they run. */
    public List<Bracket> brackets() {
        List<Bracket> out = new ArrayList<>();
        for (int it = 0; it < iterations; it++) {
            for (int s = sMax(); s >= 0; s--) {
                out.add(bracket(it, s));
            }
        }
        return out;
    }

    private Bracket bracket(int iteration, int s) {
        long etaS = pow(s);
        long n = ceilDiv((sMax() + 1) * etaS, s + 1);
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i <= s; i++) {
            long shrink = pow(s - i);
            rounds.add(new Round((int) (n / pow(i)), (int) Math.max(1, ceilDiv(maxEpochs, shrink))));
        }
        return new Bracket(iteration, s, rounds);
    }

    private long pow(int k) {
        long p = 1;
        for (int i = 0; i < k; i++) {
            p *= factor;
        }
        return p;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
