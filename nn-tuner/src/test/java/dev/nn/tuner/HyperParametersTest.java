package dev.nn.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HyperParametersTest {

    /** The book's optimizer space with a momentum that exists only for SGD. */
    private static void declare(HyperParameters hp) {
        hp.Int("n_hidden", 0, 8, 1, 2);
        hp.Float("learning_rate", 1e-4, 1e-2, Sampling.LOG, 3e-3);
        String opt = hp.Choice("optimizer", List.of("sgd", "adam"));
        hp.conditionalScope("optimizer", "sgd", () -> hp.Float("momentum", 0, 0.95));
        hp.Boolean("normalize");
        hp.Fixed("batch_size", 32);
        assertTrue(opt.equals("sgd") || opt.equals("adam"));
    }

    @Test
    void defaultsAndDiscoveredSpace() {
        SearchSpace space = new SearchSpace();
        HyperParameters hp = new HyperParameters(space, Map.of(), null);
        declare(hp);
        assertEquals(Map.of("n_hidden", 2, "learning_rate", 3e-3, "optimizer", "sgd", "momentum", 0.0, "normalize", false,
                "batch_size", 32), hp.values());
        assertEquals(List.of("n_hidden", "learning_rate", "optimizer", "momentum", "normalize", "batch_size"),
                space.parameters().stream().map(HyperParameter::name).toList());
        assertEquals(List.of(new Condition("optimizer", "sgd")), space.get("momentum").conditions());
    }

    @Test
    void conditionalParameterExistsOnlyWhenItsParentHasTheValue() {
        HyperParameters adam = new HyperParameters(new SearchSpace(), Map.of("optimizer", "adam", "momentum", 0.5), null);
        declare(adam);
        assertFalse(adam.values().containsKey("momentum"), adam.values().toString());
        Optional<Double> none = adam.conditionalScope("optimizer", "sgd", () -> 1.0);
        assertTrue(none.isEmpty());

        HyperParameters sgd = new HyperParameters(new SearchSpace(), Map.of("optimizer", "sgd", "momentum", 0.5), null);
        declare(sgd);
        assertEquals(0.5, sgd.values().get("momentum"));
    }

    @Test
    void scopeNeedsItsParentDeclaredFirst() {
        HyperParameters hp = new HyperParameters();
        assertThrows(IllegalArgumentException.class, () -> hp.conditionalScope("optimizer", "sgd", () -> 1));
    }

    @Test
    void valuesAreAnImmutableSnapshot() {
        HyperParameters hp = new HyperParameters();
        hp.Int("units", 1, 4);
        Map<String, Object> before = hp.values();
        hp.Int("layers", 1, 3);
        assertEquals(Map.of("units", 1), before);
        assertThrows(UnsupportedOperationException.class, () -> before.put("x", 1));
    }

    @Test
    void sampledValuesStayInTheirRanges() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            HyperParameters hp = new HyperParameters(new SearchSpace(), Map.of(), r.split());
            int units = hp.Int("units", 16, 256, 16, 16);
            double lr = hp.Float("lr", 1e-4, 1e-2, Sampling.LOG);
            assertTrue(units >= 16 && units <= 256 && units % 16 == 0, "units " + units);
            assertTrue(lr >= 1e-4 && lr <= 1e-2, "lr " + lr);
        }
    }

    @Test
    void storedJsonNumbersComeBackInTheDeclaredType() {
        // as read from a trial file: an Int as Long, a Float written as 1.0, a choice value 64 as Integer
        HyperParameters hp = HyperParameters.of(Map.of("units", 48L, "lr", 1, "width", 64));
        assertEquals(48, hp.Int("units", 16, 64, 16, 16));
        assertEquals(1.0, hp.Float("lr", 0, 2));
        assertEquals(64.0, hp.Choice("width", List.of(32.0, 64.0)));
        assertThrows(IllegalArgumentException.class, () -> HyperParameters.of(Map.of("u", 3)).Int("u", 0, 8, 2, 0));
    }

    @Test
    void conflictingRedeclarationIsAnError() {
        SearchSpace space = new SearchSpace();
        new HyperParameters(space, Map.of(), null).Int("units", 1, 4);
        assertThrows(IllegalArgumentException.class, () -> new HyperParameters(space, Map.of(), null).Int("units", 1, 8));
    }

    @Test
    void encodingRoundTrips() {
        HyperParameter lr = new HyperParameter.FloatParam("lr", 1e-4, 1e-2, Sampling.LOG, 1e-3, List.of());
        assertEquals(0.5, lr.encode(1e-3), 1e-12);
        assertEquals(1e-3, (Double) lr.decode(0.5), 1e-15);
        HyperParameter units = new HyperParameter.IntParam("u", 16, 256, 16, 16, List.of());
        assertEquals(128, units.decode(units.encode(128)));
        HyperParameter c = new HyperParameter.ChoiceParam("c", List.of("a", "b", "c"), "a", List.of());
        assertEquals("b", c.decode(c.encode("b")));
    }
}
