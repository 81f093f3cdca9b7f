package dev.nn.io.plot;

import java.awt.Color;

/** Distinct series colours (Tableau 10), and pale versions of them for filled regions. */
final class Palette {
    private static final int[] RGB = {
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    };

    private Palette() {}

    static Color color(int index) {
        return new Color(RGB[Math.floorMod(index, RGB.length)]);
    }

    /** The colour mixed with white, light enough for data points drawn on top to stand out. */
    static Color pale(int index) {
        Color c = color(index);
        float keep = 0.3f;
        return new Color(mix(c.getRed(), keep), mix(c.getGreen(), keep), mix(c.getBlue(), keep));
    }

    private static int mix(int channel, float keep) {
        return Math.round(channel * keep + 255 * (1 - keep));
    }
}
