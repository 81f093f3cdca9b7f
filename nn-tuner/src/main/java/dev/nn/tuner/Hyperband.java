package dev.nn.tuner;

import dev.nn.tuner.HyperbandSchedule.Bracket;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Hyperband: many configurations trained briefly, the best trained longer, in the brackets of
 * {@link HyperbandSchedule}. A promoted trial is a new trial with its parent's values that starts
 * from the parent's best weights and trains from epoch r_(i-1) to r_i, as in Keras Tuner; its info
 * holds "tuner/iteration", "tuner/bracket", "tuner/round", "tuner/epochs", "tuner/initial_epoch"
 * and "tuner/trial_id". A round starts once the round before it has finished. The schedule alone
 * decides how many trials run; {@code maxTrials} is not used.
 */
public class Hyperband extends Tuner {

    private final HyperbandSchedule schedule;

    /** Hyperband with factor 3 and one iteration, as Keras Tuner's defaults. */
    public Hyperband(HyperModel hypermodel, TunerOptions options, int maxEpochs) {
        this(hypermodel, options, new HyperbandSchedule(maxEpochs, 3, 1));
    }

    public Hyperband(HyperModel hypermodel, TunerOptions options, HyperbandSchedule schedule) {
        super(hypermodel, options);
        this.schedule = schedule;
    }

    @Override
    protected Map<String, Object> identity() {
        Map<String, Object> id = super.identity();
        id.put("max_epochs", schedule.maxEpochs());
        id.put("factor", schedule.factor());
        id.put("iterations", schedule.iterations());
        return id;
    }

    @Override
    protected Decision next(List<Trial> trials, RandomGenerator random) {
        for (Bracket b : schedule.brackets()) {
            for (int round = 0; round < b.rounds().size(); round++) {
                List<Trial> here = inRound(trials, b, round);
                int planned = b.rounds().get(round).trials();
                if (round == 0) {
                    if (here.size() < planned) {
                        return new Decision.Run(RandomProposals.propose(space(), trials, random), info(b, 0, 0, null));
                    }
                    continue;
                }
                List<Trial> before = inRound(trials, b, round - 1);
                if (here.size() < planned && before.stream().anyMatch(t -> t.status() == TrialStatus.RUNNING)) {
                    return new Decision.Wait();
                }
                // the best of the round before go on, fewer if some failed
                List<Trial> best = before.stream().filter(Trial::isCompleted)
                        .sorted(Comparator.comparingDouble(t -> objective().asLoss(t.score()))).limit(planned).toList();
                for (Trial parent : best) {
                    if (here.stream().noneMatch(t -> parent.id().equals(t.info().get("tuner/trial_id")))) {
                        return new Decision.Run(parent.values(), info(b, round, b.rounds().get(round - 1).epochs(), parent.id()));
                    }
                }
            }
        }
        return trials.stream().anyMatch(t -> t.status() == TrialStatus.RUNNING) ? new Decision.Wait() : new Decision.Done();
    }

    private Map<String, Object> info(Bracket b, int round, int initialEpoch, String parent) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("tuner/iteration", b.iteration());
        info.put("tuner/bracket", b.s());
        info.put("tuner/round", round);
        info.put("tuner/epochs", b.rounds().get(round).epochs());
        info.put("tuner/initial_epoch", initialEpoch);
        if (parent != null) {
            info.put("tuner/trial_id", parent);
        }
        return info;
    }

    private static List<Trial> inRound(List<Trial> trials, Bracket b, int round) {
        return trials.stream().filter(t -> t.infoInt("tuner/iteration", -1) == b.iteration()
                && t.infoInt("tuner/bracket", -1) == b.s() && t.infoInt("tuner/round", -1) == round).toList();
    }
}
