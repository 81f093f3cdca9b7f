package dev.nn.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The shared half of the parser fuzz tests.
 *
 * <p>Each parser has a Jazzer {@code @FuzzTest}. A normal {@code mvn verify} replays its checked-in
 * corpus ({@code src/test/resources/<package>/<Class>Inputs/<method>/}, Jazzer's regression mode);
 * {@code JAZZER_FUZZ=1} fuzzes it with coverage feedback. Since a replay alone explores nothing
 * new, every fuzz test class also runs {@link #mutate} in the normal suite: a fixed number of
 * seeded, deterministic mutations of the same corpus through the same target, cheap enough for
 * every build. A failing input is written under {@code target/fuzz-findings/} to be checked in
 * as a regression input.
 *
 * <p>The oracle is {@link #expectOnly}: the parser may reject an input only with one of its
 * documented exceptions, carrying a message. OutOfMemoryError, StackOverflowError, NPE, AIOOBE,
 * NegativeArraySizeException, ClassCastException, a bare NumberFormatException and anything else
 * fail the test, as does an input that takes longer than {@link #SLOW_INPUT_MILLIS}.
 */
public final class Fuzz {

    /** One input taking longer than this is reported as a hang. */
    public static final long SLOW_INPUT_MILLIS = 5_000;
    /** Mutated inputs are cut to this size: the parsers' bounds are tested on small files. */
    private static final int MAX_INPUT = 1 << 16;

    /** Code under test, fed one input. */
    @FunctionalInterface
    public interface Target {
        void run(byte[] input) throws Throwable;
    }

    /** A call that may throw anything. */
    @FunctionalInterface
    public interface Call {
        void run() throws Throwable;
    }

    private Fuzz() {
    }

    /**
     * Runs {@code call}; an exception of a documented type with a message passes, anything else
     * fails as an AssertionError that carries it.
     */
    @SafeVarargs
    public static void expectOnly(Call call, Class<? extends Throwable>... documented) {
        try {
            call.run();
        } catch (Throwable t) {
            // these subclasses of IllegalArgumentException leak a helper's failure, not a parser's verdict
            boolean leaked = t instanceof NumberFormatException || t instanceof PatternSyntaxException;
            for (Class<? extends Throwable> c : documented) {
                if (c.isInstance(t) && !leaked) {
                    if (t.getMessage() == null || t.getMessage().isBlank()) {
                        throw new AssertionError("documented " + t.getClass().getName() + " without a message", t);
                    }
                    return;
                }
            }
            throw new AssertionError("undocumented " + t.getClass().getName() + ": " + t.getMessage(), t);
        }
    }

    /** The checked-in corpus of {@code testClass#method}, where Jazzer's regression mode reads it. */
    public static List<byte[]> corpus(Class<?> testClass, String method) {
        String dir = testClass.getSimpleName() + "Inputs/" + method;
        URL url = testClass.getResource(dir);
        if (url == null) {
            throw new IllegalStateException("no seed corpus " + dir + " next to " + testClass.getName());
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Feeds {@code iterations} mutants of the corpus (and the corpus itself) to {@code target},
     * seeded, so a failure reproduces; {@code dictionary} holds tokens worth splicing in (text
     * formats). Returns the number of executions.
     */
    public static int mutate(Class<?> testClass, String method, int iterations, long seed, Target target,
                             String... dictionary) {
        List<byte[]> corpus = corpus(testClass, method);
        SplittableRandom random = new SplittableRandom(seed);
        Mutator mutator = new Mutator(random, corpus, dictionary);
        int runs = 0;
        for (byte[] input : corpus) {
            runOne(testClass, method, target, input);
            runs++;
        }
        for (int i = 0; i < iterations; i++) {
            byte[] input = corpus.get(random.nextInt(corpus.size()));
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                input = mutator.mutate(input);
            }
            runOne(testClass, method, target, input);
            runs++;
        }
        return runs;
    }

    private static void runOne(Class<?> testClass, String method, Target target, byte[] input) {
        long start = System.nanoTime();
        try {
            target.run(input);
        } catch (Throwable t) {
            throw new AssertionError("fuzz input " + save(testClass, method, input) + " fails: " + t, t);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > SLOW_INPUT_MILLIS) {
            throw new AssertionError("fuzz input " + save(testClass, method, input) + " took " + millis + " ms");
        }
    }

    /** Keeps a failing input where a developer finds it, named by its hash as Jazzer names crashes. */
    private static Path save(Class<?> testClass, String method, byte[] input) {
        try {
            String name = "crash-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(input));
            Path file = Path.of("target", "fuzz-findings", testClass.getSimpleName() + "Inputs", method, name);
            Files.createDirectories(file.getParent());
            Files.write(file, input);
            return file.toAbsolutePath();
        } catch (IOException | NoSuchAlgorithmException e) {
            return Path.of("(unsaved: " + e + ")");
        }
    }

    /** Classic byte-level mutations (libFuzzer's, in miniature) plus dictionary tokens for text formats. */
    private static final class Mutator {
        private static final long[] INTERESTING = {0, 1, -1, 2, 7, 8, 16, 255, 256, 0x7f, 0x80, 0xffff, 0x10000,
            Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 8, 1L << 31, 1L << 32, 1L << 40,
            Long.MAX_VALUE, Long.MIN_VALUE};

        private final SplittableRandom random;
        private final List<byte[]> corpus;
        private final List<byte[]> tokens = new ArrayList<>();

        Mutator(SplittableRandom random, List<byte[]> corpus, String[] dictionary) {
            this.random = random;
            this.corpus = corpus;
            for (String d : dictionary) {
                tokens.add(d.getBytes(StandardCharsets.UTF_8));
            }
        }

        byte[] mutate(byte[] in) {
            byte[] b = in.clone();
            int kinds = tokens.isEmpty() ? 9 : 10;
            byte[] out = switch (random.nextInt(kinds)) {
                case 0 -> flipBit(b);
                case 1 -> setByte(b);
                case 2 -> setWord(b, 4);
                case 3 -> setWord(b, 8);
                case 4 -> delete(b);
                case 5 -> insertRandom(b);
                case 6 -> duplicate(b);
                case 7 -> b.length == 0 ? b : java.util.Arrays.copyOf(b, random.nextInt(b.length));
                case 8 -> splice(b);
                default -> insert(b, tokens.get(random.nextInt(tokens.size())));
            };
            return out.length > MAX_INPUT ? java.util.Arrays.copyOf(out, MAX_INPUT) : out;
        }

        private byte[] flipBit(byte[] b) {
            if (b.length > 0) {
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            }
            return b;
        }

        private byte[] setByte(byte[] b) {
            if (b.length > 0) {
                long v = random.nextBoolean() ? INTERESTING[random.nextInt(11)] : random.nextInt(256);
                b[random.nextInt(b.length)] = (byte) v;
            }
            return b;
        }

        /** An interesting 4- or 8-byte value, either byte order: the header fields of binary formats. */
        private byte[] setWord(byte[] b, int width) {
            if (b.length < width) {
                return b;
            }
            long v = random.nextInt(4) == 0 ? random.nextLong() : INTERESTING[random.nextInt(INTERESTING.length)];
            if (random.nextBoolean()) {
                v = -v;
            }
            int at = random.nextInt(b.length - width + 1);
            boolean little = random.nextBoolean();
            for (int i = 0; i < width; i++) {
                int shift = 8 * (little ? i : width - 1 - i);
                b[at + i] = (byte) (v >>> shift);
            }
            return b;
        }

        private byte[] delete(byte[] b) {
            if (b.length == 0) {
                return b;
            }
            int from = random.nextInt(b.length);
            int n = 1 + random.nextInt(Math.min(16, b.length - from));
            byte[] out = new byte[b.length - n];
            System.arraycopy(b, 0, out, 0, from);
            System.arraycopy(b, from + n, out, from, b.length - from - n);
            return out;
        }

        private byte[] insertRandom(byte[] b) {
            byte[] chunk = new byte[1 + random.nextInt(8)];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) random.nextInt(256);
            }
            return insert(b, chunk);
        }

        private byte[] duplicate(byte[] b) {
            if (b.length == 0) {
                return b;
            }
            int from = random.nextInt(b.length);
            int n = 1 + random.nextInt(Math.min(64, b.length - from));
            return insert(b, java.util.Arrays.copyOfRange(b, from, from + n));
        }

        private byte[] splice(byte[] b) {
            byte[] other = corpus.get(random.nextInt(corpus.size()));
            int cut = b.length == 0 ? 0 : random.nextInt(b.length);
            int from = other.length == 0 ? 0 : random.nextInt(other.length);
            byte[] out = java.util.Arrays.copyOf(b, cut + other.length - from);
            System.arraycopy(other, from, out, cut, other.length - from);
            return out;
        }

        private byte[] insert(byte[] b, byte[] chunk) {
            int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            byte[] out = new byte[b.length + chunk.length];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(chunk, 0, out, at, chunk.length);
            System.arraycopy(b, at, out, at + chunk.length, b.length - at);
            return out;
        }
    }
}
