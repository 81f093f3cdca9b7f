package dev.nn.bench;

import dev.nn.api.backend.Backend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Backend} that forwards every call to another and, while started, adds each call's
 * wall time to a row named by the kernel and its shape ("gemm TN 784x300x32 +=", "dense
 * 32x784x300", "unaryGrad RELU 9600"). One thread calls the backend during training, so the
 * rows need no lock; a call from elsewhere meanwhile would be counted too.
 */
final class TimedBackend {

    private final Backend target;
    private final Map<String, long[]> rows = new HashMap<>();
    private boolean timing;

    TimedBackend(Backend target) {
        this.target = target;
    }

    /** The timed view of the target, to pass to {@code Backends.use}. */
    Backend backend() {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    long t0 = System.nanoTime();
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (timing) {
                        long[] row = rows.computeIfAbsent(name(method, args), k -> new long[2]);
                        row[0]++;
                        row[1] += System.nanoTime() - t0;
                    }
                    return result;
                });
    }

    void start() {
        rows.clear();
        timing = true;
    }

    void stop() {
        timing = false;
    }

    long totalNanos() {
        return rows.values().stream().mapToLong(r -> r[1]).sum();
    }

    /** The rows, slowest first: calls, microseconds a step and a call. */
    String table(long steps) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-40s %8s %10s %10s%n", "call", "calls",
                "us/step", "us/call"));
        rows.entrySet().stream().sorted(Comparator.comparingLong(e -> -e.getValue()[1])).forEach(e ->
                sb.append(String.format(Locale.ROOT, "%-40s %8d %10.1f %10.1f%n", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1e3 / steps, e.getValue()[1] / 1e3 / e.getValue()[0])));
        return sb.toString();
    }

    /** The kernel and the shape of one call: GEMM forms and sizes, a dense layer's m×k×n, else the int arguments. */
    private static String name(Method method, Object[] args) {
        String name = method.getName();
        if (args == null) {
            return name;
        }
        return switch (name) {
            case "gemm" -> name + " " + ((Boolean) args[0] ? "T" : "N") + ((Boolean) args[1] ? "T" : "N") + " "
                    + args[2] + "x" + args[3] + "x" + args[4] + ((Boolean) args[8] ? " +=" : "");
            case "dense" -> name + " " + args[4] + "x" + args[5] + "x" + args[6] + " " + args[7];
            case "gatherRows" -> name + " rows of " + args[1]; // the index range changes every call
            case "firstNonFinite" -> name;
            default -> {
                StringBuilder sb = new StringBuilder(name);
                for (Object a : args) {
                    if (a instanceof Integer || a instanceof Enum<?>) {
                        sb.append(' ').append(a);
                    }
                }
                yield sb.toString();
            }
        };
    }
}
