package dev.nn.api.backend;

/** A {@link java.util.ServiceLoader} entry that makes a {@link Backend} on demand. */
public interface BackendProvider {

    /** The backend's name, as given to {@link Backends#use(String)}. */
    String name();

    /** Higher wins when no backend is named; the reference backend has priority 0. */
    int priority();

    /**
     * Why this backend cannot run in this JVM (a missing module, a missing native library),
     * or null when it can.
     */
    String unavailableReason();

    /** A new backend with the given number of worker threads (0 means one per core). */
    Backend create(int threads);
}
