package dev.nn.api.backend;

/** Registers {@link ReferenceBackend} under the name "reference". */
public final class ReferenceBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public Backend create(int threads) {
        return new ReferenceBackend();
    }
}
