package dev.nn.tuner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Random values for every known parameter, avoiding combinations already tried when it can. */
final class RandomProposals {

    // As Keras Tuner: give up looking for an unseen combination after this many draws.
    private static final int MAX_COLLISIONS = 50;

    private RandomProposals() {
    }

    static Map<String, Object> propose(SearchSpace space, List<Trial> trials, RandomGenerator random) {
        Map<String, Object> values = draw(space.parameters(), random);
        for (int i = 0; i < MAX_COLLISIONS && isDuplicate(values, trials); i++) {
            values = draw(space.parameters(), random);
        }
        return values;
    }

    private static Map<String, Object> draw(List<HyperParameter> params, RandomGenerator random) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (HyperParameter p : params) {
            values.put(p.name(), p.sample(random));
        }
        return values;
    }

    /**
     * True when some trial's values all agree with the proposal: the build would then read the
     * same active values (a proposal also holds values for parameters that turn out inactive).
     */
    static boolean isDuplicate(Map<String, Object> proposal, List<Trial> trials) {
        for (Trial t : trials) {
            if (t.values().isEmpty() || t.status() == TrialStatus.FAILED) {
                continue;
            }
            boolean same = true;
            for (Map.Entry<String, Object> e : t.values().entrySet()) {
                same &= proposal.containsKey(e.getKey()) && Values.same(e.getValue(), proposal.get(e.getKey()));
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
