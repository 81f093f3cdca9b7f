package dev.nn.backend.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import org.junit.jupiter.api.Test;

class OnnxRuntimeBackendTest {

    @Test
    void isRegisteredButNeverTheDefault() {
        assertTrue(Backends.available().contains("onnxruntime"), Backends.available().toString());
        assertTrue(new OnnxRuntimeBackendProvider().priority() < 0);
        assertNotEquals("onnxruntime", Backends.current().name());
    }

    @Test
    void namesItsThreadsForSessions() {
        try (Backend b = Backends.create("onnxruntime", 2)) {
            assertEquals("onnxruntime", b.name());
            assertFalse(b.supportsTraining());
            assertEquals(2, b.threads());
            assertEquals(2, ((OnnxRuntimeBackend) b).sessionOptions().intraOpThreads());
        }
    }

    @Test
    void kernelsSayWhatToUseInstead() {
        Backend previous = Backends.current();
        Backends.use(new OnnxRuntimeBackend(1));
        try {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> Ops.add(Tensor.vector(1f, 2f), Tensor.vector(3f, 4f)));
            assertTrue(e.getMessage().contains("OnnxRuntimeModel.of(model)") && e.getMessage().contains("'vector'"),
                    e.getMessage());
        } finally {
            Backends.use(previous);
        }
    }

    @Test
    void trainingIsRefusedClearly() {
        Sequential model = new Sequential(new InputLayer(2), new Dense(1));
        model.compile(loss("mse"), optimizer("sgd"));
        Backend previous = Backends.current();
        Backends.use(new OnnxRuntimeBackend(1));
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> model.fit(Tensor.zeros(4, 2), Tensor.zeros(4, 1)));
            assertTrue(e.getMessage().contains("inference only"), e.getMessage());
        } finally {
            Backends.use(previous);
        }
    }
}
