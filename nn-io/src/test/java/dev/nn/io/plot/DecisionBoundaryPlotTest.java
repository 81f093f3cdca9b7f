package dev.nn.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecisionBoundaryPlotTest {
    @Test
    void shadesTheRegionsOfAThreeClassClassifier() throws Exception {
        Random random = new Random(42);
        double[][] centres = {{-2, -1}, {2, -1}, {0, 2}};
        int n = 150;
        double[][] points = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            points[i] = new double[] {
                centres[labels[i]][0] + random.nextGaussian() * 0.8,
                centres[labels[i]][1] + random.nextGaussian() * 0.8};
        }
        // nearest centre: straight boundaries, easy to check by eye
        DecisionBoundaryPlot.Classifier nearest = (x1, x2) -> {
            int best = 0;
            for (int k = 1; k < centres.length; k++) {
                if (Math.hypot(x1 - centres[k][0], x2 - centres[k][1])
                        < Math.hypot(x1 - centres[best][0], x2 - centres[best][1])) {
                    best = k;
                }
            }
            return best;
        };

        Path png = PngFiles.output("decision_boundary.png");
        DecisionBoundaryPlot.plot(nearest, points, labels, png);
        BufferedImage image = PngFiles.assertPng(png, DecisionBoundaryPlot.WIDTH, DecisionBoundaryPlot.HEIGHT);
        // the middle of the plot area is class 2's region (nearest centre (0, 2)), shaded pale green
        assertEquals(Palette.pale(2).getRGB(), image.getRGB(DecisionBoundaryPlot.WIDTH / 2, 60));
    }

    @Test
    void rejectsMismatchedLabels() {
        assertThrows(IllegalArgumentException.class, () -> DecisionBoundaryPlot.plot(
                (x1, x2) -> 0, new double[][] {{0, 0}}, new int[0], PngFiles.output("bad.png")));
    }
}
