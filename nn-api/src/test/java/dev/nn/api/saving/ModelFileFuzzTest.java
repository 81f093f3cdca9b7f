package dev.nn.api.saving;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.api.Tensor;
import dev.nn.api.layers.Concatenate;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layers;
import dev.nn.api.layers.Normalization;
import dev.nn.api.models.Functional;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.testing.Fuzz;
import dev.nn.api.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Model and weights files (safetensors layout, FORMAT.md) from hostile bytes: only
 * {@link ModelFileException} (or an UncheckedIOException for a failing disk) may come out.
 *
 * <p>The SHA-256 in the header would stop almost every mutant at the checksum, so each input
 * gets its {@code nn_sha256} recomputed first when its header parses: the fuzzer then reaches the
 * config, the layer factories and the weight matching behind it. Longer run:
 * {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=5m mvn -pl nn-api test -Dtest='ModelFileFuzzTest#modelFile'}.
 */
class ModelFileFuzzTest {

    private static final Path FILE = tempFile();

    @FuzzTest
    void modelFile(byte[] data) throws IOException {
        Files.write(FILE, withValidChecksum(data));
        Fuzz.expectOnly(() -> {
            Model m = Models.load(FILE);
            m.summary();
        }, ModelFileException.class, UncheckedIOException.class);
    }

    @FuzzTest
    void weightsFile(byte[] data) throws IOException {
        Files.write(FILE, withValidChecksum(data));
        Model target = weightsTarget();
        Fuzz.expectOnly(() -> Models.loadWeights(target, FILE), ModelFileException.class, UncheckedIOException.class);
    }

    @Timeout(120)
    @Test
    void seededMutations() {
        String[] tokens = {"\"", "{", "}", "[", "]", ",", ":", "null", "-1", "1e999", "2147483648", "\"class\"",
            "\"Dense\"", "\"Sequential\"", "\"Functional\"", "\"units\"", "\"shape\"", "\"layers\"", "\"calls\"", "\\u0000"};
        int model = Fuzz.mutate(ModelFileFuzzTest.class, "modelFile", 12_000, 21, this::modelFile, tokens);
        int weights = Fuzz.mutate(ModelFileFuzzTest.class, "weightsFile", 5_000, 22, this::weightsFile, tokens);
        System.out.println("ModelFileFuzzTest: " + model + " + " + weights + " executions");
    }

    /** The model the weights seeds were saved from, built fresh for every input. */
    private static Model weightsTarget() {
        return new Sequential(new InputLayer(8), new Dense(16, "relu"), new Dropout(0.2), new Dense(1));
    }

    /**
     * The same bytes with {@code nn_sha256} set to the hash of the file's own config and data, when
     * the header parses as JSON; otherwise the bytes unchanged.
     */
    static byte[] withValidChecksum(byte[] file) {
        if (file.length < 8) {
            return file;
        }
        long n = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (n < 2 || n > file.length - 8) {
            return file;
        }
        try {
            String text = new String(file, 8, (int) n, StandardCharsets.UTF_8);
            if (!(Json.parse(text) instanceof Map<?, ?> header)
                    || !(header.get("__metadata__") instanceof Map<?, ?> meta)
                    || !(meta.get("nn_config") instanceof String config)) {
                return file;
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(config.getBytes(StandardCharsets.UTF_8));
            md.update(file, 8 + (int) n, file.length - 8 - (int) n);
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) meta;
            m.put("nn_sha256", HexFormat.of().formatHex(md.digest()));
            byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
            byte[] data = Arrays.copyOfRange(file, 8 + (int) n, file.length);
            return ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(json.length).put(json).put(data).array();
        } catch (IllegalArgumentException e) {
            return file; // not JSON, or a value (1e999) that JSON cannot write back: fuzz it raw
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the seed corpus: the small models of the round-trip tests. Run by hand when the format changes. */
    static void main(String[] args) {
        Path seeds = Path.of("nn-api/src/test/resources/dev/nn/api/saving/ModelFileFuzzTestInputs");
        TestData data = new TestData(3);

        Sequential regressor = Fixtures.regressor(new Adam(0.01));
        Fixtures f = new Fixtures(32, 1);
        regressor.fit(f.x, f.y, dev.nn.api.models.FitOptions.verbose(0));
        regressor.save(seeds.resolve("modelFile/sequential-adam.nn"));
        Models.saveWeights(regressor, seeds.resolve("weightsFile/sequential.weights"));

        Normalization norm = new Normalization();
        norm.adapt(data.normal(2f, 10, 3));
        Sequential plain = new Sequential(new InputLayer(3), norm, new Dense(2, "tanh"));
        plain.save(seeds.resolve("modelFile/normalization-uncompiled.nn"));

        Tensor a = Input.of("a", 2);
        Tensor b = Input.of("b", 2);
        Dense shared = new Dense(2, "relu");
        Tensor merged = new Concatenate("concat", -1).apply(List.of(shared.apply(a), Layers.add(shared.apply(b), a)));
        Functional functional = new Functional(List.of(a, b), List.of(new Dense(1).apply(merged)), "fn");
        functional.compile(loss("mse"), optimizer("sgd"), metrics("mae"));
        functional.save(seeds.resolve("modelFile/functional-shared.nn"));
    }

    private static Path tempFile() {
        try {
            Path p = Files.createTempFile("model-fuzz", ".nn");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
