package dev.nn.api.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend registry: the one piece of process-wide mutable state in nn.
 *
 * <p>The default is the available backend of highest priority (the Vector API backend when the
 * JVM runs with {@code --add-modules jdk.incubator.vector}, else the reference backend, with one
 * warning). The system property {@code nn.backend} or environment variable {@code NN_BACKEND}
 * name another; {@code nn.threads} / {@code NN_THREADS} set the worker count.
 */
public final class Backends {

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    private static volatile Backend current;

    private Backends() {
    }

    /** The backend ops run on now. */
    public static Backend current() {
        Backend b = current;
        if (b == null) {
            synchronized (Backends.class) {
                if (current == null) {
                    current = createDefault();
                }
                b = current;
            }
        }
        return b;
    }

    /** Makes the named backend current for the whole process, with one worker per core. */
    public static Backend use(String name) {
        return use(name, configuredThreads());
    }

    /** Makes the named backend current with the given number of worker threads. */
    public static synchronized Backend use(String name, int threads) {
        BackendProvider p = provider(name);
        String why = p.unavailableReason();
        if (why != null) {
            throw new IllegalStateException("backend '" + name + "' cannot run here: " + why);
        }
        Backend old = current;
        current = p.create(threads);
        if (old != null && old != current) {
            old.close();
        }
        return current;
    }

    /** Installs an already made backend (tests, or a backend with custom settings). */
    public static synchronized void use(Backend backend) {
        current = backend;
    }

    /** Makes a new backend by name without making it current (the caller closes it). */
    public static Backend create(String name, int threads) {
        BackendProvider p = provider(name);
        String why = p.unavailableReason();
        if (why != null) {
            throw new IllegalStateException("backend '" + name + "' cannot run here: " + why);
        }
        return p.create(threads);
    }

    /** Names of every backend found on the class path. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        for (BackendProvider p : providers()) {
            names.add(p.name() + (p.unavailableReason() == null ? "" : " (unavailable: " + p.unavailableReason() + ")"));
        }
        return names;
    }

    private static Backend createDefault() {
        String named = setting("nn.backend", "NN_BACKEND");
        int threads = configuredThreads();
        if (named != null && !named.isBlank()) {
            return create(named.trim(), threads);
        }
        List<BackendProvider> ps = providers();
        ps.sort(Comparator.comparingInt(BackendProvider::priority).reversed());
        StringBuilder skipped = new StringBuilder();
        for (BackendProvider p : ps) {
            String why = p.unavailableReason();
            if (why == null) {
                if (skipped.length() > 0) {
                    LOG.warn("nn uses the slow '{}' backend: {}", p.name(), skipped);
                }
                return p.create(threads);
            }
            skipped.append(p.name()).append(" is unavailable (").append(why).append(") ");
        }
        throw new IllegalStateException("no nn backend can run here: " + skipped);
    }

    private static BackendProvider provider(String name) {
        for (BackendProvider p : providers()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no backend named '" + name + "'; known: " + available()
                + ". Is its module (for example nn-backend-vector) on the class path?");
    }

    private static List<BackendProvider> providers() {
        List<BackendProvider> list = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(list::add);
        return list;
    }

    static int configuredThreads() {
        String t = setting("nn.threads", "NN_THREADS");
        if (t == null || t.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("nn.threads / NN_THREADS must be an integer, was '" + t + "'", e);
        }
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        return v != null ? v : System.getenv(env);
    }
}
