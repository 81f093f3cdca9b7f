package dev.nn.backend.vector;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.BackendProvider;

/**
 * Registers {@link VectorBackend} as "vector". It names no Vector API class itself, so the
 * ServiceLoader can load it (and ask why it is unavailable) in a JVM without the module.
 */
public final class VectorBackendProvider implements BackendProvider {

    static final String MODULE = "jdk.incubator.vector";

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String unavailableReason() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return "the JVM was started without the module " + MODULE
                    + "; add the option --add-modules " + MODULE;
        }
        return null;
    }

    @Override
    public Backend create(int threads) {
        String why = unavailableReason();
        if (why != null) {
            throw new IllegalStateException("backend 'vector' cannot run here: " + why);
        }
        return new VectorBackend(threads);
    }
}
