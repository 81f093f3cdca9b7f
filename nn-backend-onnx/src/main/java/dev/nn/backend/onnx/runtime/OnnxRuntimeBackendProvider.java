package dev.nn.backend.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import dev.nn.api.backend.Backend;
import dev.nn.api.backend.BackendProvider;

/**
 * Registers {@link OnnxRuntimeBackend} under the name "onnxruntime". Its priority is below the
 * reference backend's, so it is used only when asked for by name, never as the default.
 */
public final class OnnxRuntimeBackendProvider implements BackendProvider {
    public static final String NAME = "onnxruntime";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return -10;
    }

    @Override
    public String unavailableReason() {
        try {
            OrtEnvironment.getEnvironment();
            return null;
        } catch (LinkageError | RuntimeException e) {
            // the native library is missing or built for another platform
            return "onnxruntime's native library does not load here: " + e;
        }
    }

    @Override
    public Backend create(int threads) {
        return new OnnxRuntimeBackend(threads);
    }
}
