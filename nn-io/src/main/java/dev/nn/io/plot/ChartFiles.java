package dev.nn.io.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders charts, side by side, into one file: PNG, or SVG (through JFreeSVG, the JFreeChart
 * author's vector back end) when the name ends in ".svg".
 */
final class ChartFiles {
    private ChartFiles() {}

    static void write(Path file, int panelWidth, int height, List<JFreeChart> panels) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (name.endsWith(".svg")) {
            SVGGraphics2D svg = new SVGGraphics2D(panelWidth * panels.size(), height);
            draw(svg, panelWidth, height, panels);
            Files.writeString(file, svg.getSVGDocument());
            return;
        }
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("charts are written as PNG or SVG; name the file *.png or *.svg, got " + file);
        }
        BufferedImage image = new BufferedImage(panelWidth * panels.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, panelWidth, height, panels);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void draw(Graphics2D g, int panelWidth, int height, List<JFreeChart> panels) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, panelWidth * panels.size(), height);
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).draw(g, new Rectangle2D.Double(i * panelWidth, 0, panelWidth, height));
        }
    }
}
