package dev.nn.tuner;

import java.util.Map;

/** What a tuner's strategy says to do next. */
public sealed interface Decision {

    /** Run a new trial with these proposed values (unproposed parameters are sampled) and this bookkeeping. */
    record Run(Map<String, Object> values, Map<String, Object> info) implements Decision {
        public Run {
            values = Values.frozen(values);
            info = Values.frozen(info);
        }
    }

    /** Nothing to start until a running trial finishes (a Hyperband round waits for the one before). */
    record Wait() implements Decision {
    }

    /** The search is over. */
    record Done() implements Decision {
    }
}
