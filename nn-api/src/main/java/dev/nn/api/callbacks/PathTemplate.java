package dev.nn.api.callbacks;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a file name template as Keras's ModelCheckpoint does with Python's {@code str.format}:
 * {@code {epoch}} is the 1-based epoch, any other {@code {name}} a logged value, and a format
 * spec may follow a colon: {@code {epoch:02d}}, {@code {val_loss:.4f}}, {@code {loss:.2e}}.
 */
final class PathTemplate {

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private static final Pattern SPEC = Pattern.compile("(0)?(\\d+)?(?:\\.(\\d+))?([dfeEgG])?");

    private PathTemplate() {
    }

    static String format(String template, int epoch, Map<String, Double> logs) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = name.equals("epoch") ? (Object) epoch : logs.get(name);
            if (value == null) {
                throw new IllegalArgumentException("checkpoint path '" + template + "' uses {" + name
                        + "} but the logs have only " + logs.keySet() + " (and epoch)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(field(value, m.group(2), template)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String field(Object value, String spec, String template) {
        if (spec == null || spec.isEmpty()) {
            return value.toString();
        }
        Matcher s = SPEC.matcher(spec);
        if (!s.matches()) {
            throw new IllegalArgumentException("checkpoint path '" + template + "': format spec '" + spec
                    + "' is not supported; use forms like 02d, .4f, .2e or 8.3g");
        }
        char type = s.group(4) == null ? (value instanceof Integer ? 'd' : 'g') : s.group(4).charAt(0);
        String java = "%" + (s.group(1) == null ? "" : "0") + (s.group(2) == null ? "" : s.group(2))
                + (s.group(3) == null || type == 'd' ? "" : "." + s.group(3)) + type;
        Object arg = type == 'd' ? (Object) ((Number) value).longValue() : (Object) ((Number) value).doubleValue();
        return String.format(Locale.ROOT, java, arg);
    }
}
