package dev.nn.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link GemmKernels} under JMH for every shape and prints, per shape, the median and best
 * GFLOP/s over its measurement iterations, in the format of {@code ../shared/bench/matmul_bench.py}
 * so that bench/table.py reads both alike.
 *
 * <p>Usage: {@code GemmBench [THREADS] [SHAPE,...]} (default 1 thread, every shape of
 * {@link GemmShapes}). Each shape runs in a fork of its own: two seconds of warm-up, long enough
 * for C2 to compile the kernels, then five iterations of at least 0.2 s, as the peer's script does.
 */
public final class GemmBench {

    private static final int WARMUP_ITERATIONS = 2;
    private static final int ITERATIONS = 5;

    private GemmBench() {
    }

    public static void main(String[] args) throws RunnerException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<String> shapes = new ArrayList<>();
        if (args.length > 1) {
            shapes.addAll(List.of(args[1].split(",")));
        } else {
            for (GemmShapes s : GemmShapes.values()) {
                shapes.add(s.name());
            }
        }
        OptionsBuilder options = new OptionsBuilder();
        options.include(GemmKernels.class.getName() + ".gemm")
                .param("threads", Integer.toString(threads))
                .param("shape", shapes.toArray(String[]::new))
                .forks(1)
                .jvmArgsAppend("--add-modules", "jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow",
                        "-Xmx2g")
                .warmupIterations(WARMUP_ITERATIONS)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(ITERATIONS)
                .measurementTime(TimeValue.milliseconds(200))
                .timeUnit(TimeUnit.MICROSECONDS)
                .verbosity(VerboseMode.SILENT);
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println("threads=" + threads);
        for (RunResult run : results) {
            GemmShapes.Product shape = GemmShapes.valueOf(run.getParams().getParam("shape")).product();
            List<Double> rates = new ArrayList<>();
            double lastMicros = 0;
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult it : fork.getIterationResults()) {
                    lastMicros = it.getPrimaryResult().getScore();
                    rates.add(shape.flops() / (lastMicros * 1e3));
                }
            }
            rates.sort(null);
            System.out.printf(Locale.ROOT,
                    "%-30s M=%5d K=%5d N=%5d  median %7.1f  best %7.1f GFLOP/s  (%9.1f us/call)%n",
                    shape.title(), shape.m(), shape.k(), shape.n(), rates.get(rates.size() / 2),
                    rates.get(rates.size() - 1), lastMicros);
        }
    }
}
