package dev.nn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** The JMH states compute what they claim to, and the table finds every GEMM row it prints. */
class KernelBenchmarksTest {

    /** Every shape's call gives op(A)·op(B): 64 elements of C against dot products in double. */
    @Test
    void gemmStateComputesItsProduct() {
        Random pick = new Random(3);
        for (GemmShapes shape : GemmShapes.values()) {
            GemmShapes.Product p = shape.product();
            GemmKernels state = new GemmKernels();
            state.shape = shape;
            state.threads = 2;
            state.setUp();
            try {
                float[] c = state.gemm();
                for (int s = 0; s < 64; s++) {
                    int i = pick.nextInt(p.m());
                    int j = pick.nextInt(p.n());
                    double want = 0;
                    for (int q = 0; q < p.k(); q++) {
                        float x = p.transA() ? state.a[q * p.m() + i] : state.a[i * p.k() + q];
                        float y = p.transB() ? state.b[j * p.k() + q] : state.b[q * p.n() + j];
                        want += (double) x * y;
                    }
                    assertEquals(want, c[i * p.n() + j], 1e-4 * p.k(), shape + " C[" + i + "][" + j + "]");
                }
            } finally {
                state.tearDown();
            }
        }
    }

    /**
     * bench/table.py pairs each of nn's GEMM rows with the peer's by title and leaves out a row
     * whose title it does not find, so a renamed shape would drop out of the table unnoticed.
     */
    @Test
    void everyGemmRowOfTheTableIsAShape() throws IOException {
        Path table = Path.of("..", "bench", "table.py");
        assertTrue(Files.isRegularFile(table), "bench/table.py not found from " + Path.of("").toAbsolutePath());
        String text = Files.readString(table);
        Matcher pair = Pattern.compile("\\(\"([^\"]+)\", \"[^\"]+\"\\)").matcher(text);
        Set<String> titles = new HashSet<>();
        for (GemmShapes s : GemmShapes.values()) {
            titles.add(s.product().title());
        }
        int rows = 0;
        while (pair.find()) {
            assertTrue(titles.contains(pair.group(1)), "table.py row \"" + pair.group(1) + "\" is no GemmShapes title");
            rows++;
        }
        assertEquals(8, rows, "rows of the GEMM table found in table.py");
    }

    /** Each element-wise kernel runs at each size the benchmark declares, and writes finite values. */
    @Test
    void elementwiseKernelsRunAtTheirSizes() throws NoSuchFieldException {
        String[] sizes = ElementwiseKernels.class.getField("size").getAnnotation(Param.class).value();
        for (ElementwiseKernels.Kernel kernel : ElementwiseKernels.Kernel.values()) {
            for (String size : sizes) {
                ElementwiseKernels state = new ElementwiseKernels();
                state.kernel = kernel;
                state.size = Integer.parseInt(size);
                state.threads = 2;
                state.setUp();
                try {
                    float[] out = state.call();
                    int bad = 0;
                    while (bad < out.length && Float.isFinite(out[bad])) {
                        bad++;
                    }
                    assertEquals(out.length, bad, kernel + " at " + size + ": first value not finite");
                } finally {
                    state.tearDown();
                }
            }
        }
    }
}
