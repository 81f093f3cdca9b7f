package dev.nn.api.models;

import dev.nn.api.Shapes;
import dev.nn.api.Variable;
import dev.nn.api.layers.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link Model#summary()} in Keras 3's table layout. A functional model adds a
 * "Connected to" column (each input as {@code layer[call][tensor]}) and lists its input layers;
 * a cell too long for its column wraps onto more lines, as Keras wraps it.
 */
final class Summary {

    private static final int[] WIDTHS = {33, 24, 15};
    private static final int[] FUNCTIONAL_WIDTHS = {33, 24, 11, 34};
    private static final int PARAM_COLUMN = 2;

    private Summary() {
    }

    static String of(Model model) {
        boolean functional = model instanceof Functional;
        int[] widths = functional ? FUNCTIONAL_WIDTHS : WIDTHS;
        List<List<List<String>>> rows = new ArrayList<>();
        for (Layer l : model.layers()) {
            int[] shape = model.layerOutputShape(l);
            List<List<String>> row = new ArrayList<>();
            row.add(wrap(List.of(l.name(), "(" + l.typeName() + ")"), widths[0] - 2, " "));
            row.add(List.of(shape == null ? "?" : Shapes.str(shape)));
            row.add(List.of(String.format(Locale.ROOT, "%,d", l.countParams())));
            if (functional) {
                List<String> links = connections(((Functional) model).graph(), l);
                row.add(links.isEmpty() ? List.of("-") : wrap(links, widths[3] - 2, ", "));
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("Layer (type)", "Output Shape", "Param #"));
        if (functional) {
            header.add("Connected to");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append(border(widths, '┏', '━', '┳', '┓'));
        sb.append(line(widths, '┃', header, false));
        sb.append(border(widths, '┡', '━', '╇', '┩'));
        for (int i = 0; i < rows.size(); i++) {
            List<List<String>> row = rows.get(i);
            int height = 0;
            for (List<String> cell : row) {
                height = Math.max(height, cell.size());
            }
            for (int k = 0; k < height; k++) {
                List<String> cells = new ArrayList<>();
                for (List<String> cell : row) {
                    cells.add(k < cell.size() ? cell.get(k) : "");
                }
                sb.append(line(widths, '│', cells, true));
            }
            sb.append(i + 1 < rows.size() ? border(widths, '├', '─', '┼', '┤') : "");
        }
        sb.append(border(widths, '└', '─', '┴', '┘'));
        long trainable = count(model.trainableWeights());
        long fixed = count(model.nonTrainableWeights());
        sb.append(" Total params: ").append(params(trainable + fixed)).append('\n');
        sb.append(" Trainable params: ").append(params(trainable)).append('\n');
        sb.append(" Non-trainable params: ").append(params(fixed)).append('\n');
        return sb.toString();
    }

    /** Every input of every call of the layer, as "dense_1[0][0]". */
    private static List<String> connections(LayerGraph graph, Layer layer) {
        List<String> out = new ArrayList<>();
        for (LayerGraph.Node n : graph.nodes()) {
            if (n.layer() == layer) {
                out.addAll(graph.connections(n));
            }
        }
        return out;
    }

    /**
     * Joins the parts with {@code separator} on as few lines of {@code width} as it can; a part
     * never splits, and a line that ends before the next part keeps the separator's comma.
     */
    private static List<String> wrap(List<String> parts, int width, String separator) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String p : parts) {
            if (current.length() > 0 && current.length() + separator.length() + p.length() > width) {
                lines.add(current.append(separator.strip()).toString());
                current = new StringBuilder();
            }
            current.append(current.length() > 0 ? separator : "").append(p);
        }
        lines.add(current.toString());
        return lines;
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

    private static String border(int[] widths, char left, char fill, char mid, char right) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int i = 0; i < widths.length; i++) {
            sb.append(String.valueOf(fill).repeat(widths[i])).append(i + 1 < widths.length ? mid : right);
        }
        return sb.append('\n').toString();
    }

    private static String line(int[] widths, char edge, List<String> cells, boolean alignParams) {
        StringBuilder sb = new StringBuilder().append(edge);
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            int w = widths[i] - 2;
            if (c.length() > w) {
                c = c.substring(0, w - 1) + "…";
            }
            // parameter counts are right-aligned, the rest left-aligned
            String pad = " ".repeat(w - c.length());
            sb.append(' ').append(alignParams && i == PARAM_COLUMN ? pad + c : c + pad).append(' ').append(edge);
        }
        return sb.append('\n').toString();
    }
}
