package dev.nn.io.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningCurvesTest {
    @Test
    void plotsTrainingAndValidationCurves() throws Exception {
        Map<String, List<Double>> history = new LinkedHashMap<>();
        List<Double> loss = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        List<Double> valLoss = new ArrayList<>();
        List<Double> valAccuracy = new ArrayList<>();
        for (int epoch = 0; epoch < 30; epoch++) {
            loss.add(0.3 + 0.7 * Math.exp(-epoch / 6.0));
            valLoss.add(0.35 + 0.6 * Math.exp(-epoch / 7.0) + 0.002 * epoch);
            accuracy.add(0.95 - 0.45 * Math.exp(-epoch / 5.0));
            valAccuracy.add(0.9 - 0.4 * Math.exp(-epoch / 6.0));
        }
        history.put("loss", loss);
        history.put("accuracy", accuracy);
        history.put("val_loss", valLoss);
        history.put("val_accuracy", valAccuracy);

        Path png = PngFiles.output("learning_curves.png");
        LearningCurves.plot(history, png);
        PngFiles.assertPng(png, LearningCurves.WIDTH, LearningCurves.HEIGHT);

        Path svg = PngFiles.output("learning_curves.svg");
        LearningCurves.plot(history, svg);
        String text = java.nio.file.Files.readString(svg);
        org.junit.jupiter.api.Assertions.assertTrue(text.startsWith("<?xml") && text.contains("<svg")
                && text.contains("val_accuracy") && text.contains("Epoch"), text.substring(0, Math.min(200, text.length())));
    }

    @Test
    void rejectsAnEmptyHistoryAndOtherFormats() {
        assertThrows(IllegalArgumentException.class, () -> LearningCurves.plot(Map.of(), PngFiles.output("none.png")));
        assertThrows(IllegalArgumentException.class,
                () -> LearningCurves.plot(Map.of("loss", List.of(1.0)), PngFiles.output("curves.gif")));
    }
}
