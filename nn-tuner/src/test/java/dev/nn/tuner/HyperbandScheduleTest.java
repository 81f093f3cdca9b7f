package dev.nn.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.tuner.HyperbandSchedule.Bracket;
import dev.nn.tuner.HyperbandSchedule.Round;
import java.util.List;
import org.junit.jupiter.api.Test;

class HyperbandScheduleTest {

    private static List<Round> rounds(int... trialsThenEpochs) {
        List<Round> out = new java.util.ArrayList<>();
        for (int i = 0; i < trialsThenEpochs.length; i += 2) {
            out.add(new Round(trialsThenEpochs[i], trialsThenEpochs[i + 1]));
        }
        return out;
    }

    /**
     * Li et al. 2018, Table 1 (R = 81, η = 3): s_max = 4, B = 5R.
     * s=4: n = ⌈5/5·81⌉ = 81, r = 1:   81@1, 27@3, 9@9, 3@27, 1@81
     * s=3: n = ⌈5/4·27⌉ = 34, r = 3:   34@3, ⌊34/3⌋ = 11@9, ⌊34/9⌋ = 3@27, ⌊34/27⌋ = 1@81
     * s=2: n = ⌈5/3·9⌉ = 15, r = 9:    15@9, 5@27, 1@81
     * s=1: n = ⌈5/2·3⌉ = 8, r = 27:    8@27, 2@81
     * s=0: n = 5, r = 81:              5@81
     */
    @Test
    void paperTable1() {
        HyperbandSchedule h = new HyperbandSchedule(81, 3, 1);
        assertEquals(4, h.sMax());
        List<Bracket> b = h.brackets();
        assertEquals(List.of(4, 3, 2, 1, 0), b.stream().map(Bracket::s).toList());
        assertEquals(rounds(81, 1, 27, 3, 9, 9, 3, 27, 1, 81), b.get(0).rounds());
        assertEquals(rounds(34, 3, 11, 9, 3, 27, 1, 81), b.get(1).rounds());
        assertEquals(rounds(15, 9, 5, 27, 1, 81), b.get(2).rounds());
        assertEquals(rounds(8, 27, 2, 81), b.get(3).rounds());
        assertEquals(rounds(5, 81), b.get(4).rounds());
        // trials created: every configuration of round 0 plus each promotion
        int trials = b.stream().flatMap(x -> x.rounds().stream()).mapToInt(Round::trials).sum();
        assertEquals(121 + 49 + 21 + 10 + 5, trials);
    }

    /**
     * R = 9, η = 3: s_max = 2.
     * s=2: n = ⌈3/3·9⌉ = 9, r = 1:  9@1, 3@3, 1@9
     * s=1: n = ⌈3/2·3⌉ = 5, r = 3:  5@3, ⌊5/3⌋ = 1@9
     * s=0: n = 3, r = 9:            3@9
     * Two iterations repeat the three brackets.
     */
    @Test
    void smallCaseTwoIterations() {
        HyperbandSchedule h = new HyperbandSchedule(9, 3, 2);
        List<Bracket> b = h.brackets();
        assertEquals(6, b.size());
        for (int it = 0; it < 2; it++) {
            assertEquals(new Bracket(it, 2, rounds(9, 1, 3, 3, 1, 9)), b.get(3 * it));
            assertEquals(new Bracket(it, 1, rounds(5, 3, 1, 9)), b.get(3 * it + 1));
            assertEquals(new Bracket(it, 0, rounds(3, 9)), b.get(3 * it + 2));
        }
    }

    /** R = 10 is not a power of 3: s_max = 2 and epochs round up (10/9 -> 2, 10/3 -> 4). */
    @Test
    void epochsRoundUpWhenMaxEpochsIsNotAPower() {
        HyperbandSchedule h = new HyperbandSchedule(10, 3, 1);
        assertEquals(2, h.sMax());
        assertEquals(rounds(9, 2, 3, 4, 1, 10), h.brackets().get(0).rounds());
    }
}
