package dev.nn.api.models;

import dev.nn.api.Shapes;
import dev.nn.api.Variable;
import dev.nn.api.layers.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders {@link Model#summary()} in Keras 3's table layout. */
final class Summary {

    private static final int[] WIDTHS = {33, 24, 15};

    private Summary() {
    }

    static String of(Model model) {
        List<String[]> rows = new ArrayList<>();
        for (Layer l : model.layers()) {
            int[] shape = model.layerOutputShape(l);
            rows.add(new String[] {
                l.name() + " (" + l.typeName() + ")",
                shape == null ? "?" : Shapes.str(shape),
                String.format(Locale.ROOT, "%,d", l.countParams())});
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append(border('┏', '━', '┳', '┓'));
        sb.append(row('┃', new String[] {"Layer (type)", "Output Shape", "Param #"}));
        sb.append(border('┡', '━', '╇', '┩'));
        for (int i = 0; i < rows.size(); i++) {
            sb.append(row('│', rows.get(i)));
            sb.append(i + 1 < rows.size() ? border('├', '─', '┼', '┤') : "");
        }
        sb.append(border('└', '─', '┴', '┘'));
        long trainable = count(model.trainableWeights());
        long fixed = count(model.nonTrainableWeights());
        sb.append(" Total params: ").append(params(trainable + fixed)).append('\n');
        sb.append(" Trainable params: ").append(params(trainable)).append('\n');
        sb.append(" Non-trainable params: ").append(params(fixed)).append('\n');
        return sb.toString();
    }

    private static long count(List<Variable> vs) {
        long n = 0;
        for (Variable v : vs) {
            n += v.size();
        }
        return n;
    }

    private static String params(long n) {
        return String.format(Locale.ROOT, "%,d (%s)", n, bytes(n * 4));
    }

    private static String bytes(long b) {
        if (b < 1024) {
            return String.format(Locale.ROOT, "%.2f B", (double) b);
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f KB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.2f MB", b / (1024.0 * 1024));
    }

    private static String border(char left, char fill, char mid, char right) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int i = 0; i < WIDTHS.length; i++) {
            sb.append(String.valueOf(fill).repeat(WIDTHS[i])).append(i + 1 < WIDTHS.length ? mid : right);
        }
        return sb.append('\n').toString();
    }

    private static String row(char edge, String[] cells) {
        StringBuilder sb = new StringBuilder().append(edge);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            int w = WIDTHS[i] - 2;
            if (c.length() > w) {
                c = c.substring(0, w - 1) + "…";
            }
            // the parameter count is right-aligned, the rest left-aligned
            String padded = i == cells.length - 1 ? " ".repeat(w - c.length()) + c : c + " ".repeat(w - c.length());
            sb.append(' ').append(padded).append(' ').append(edge);
        }
        return sb.append('\n').toString();
    }
}
